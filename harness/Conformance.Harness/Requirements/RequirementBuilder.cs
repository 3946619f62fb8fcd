using System.Text.RegularExpressions;
using Conformance.Harness.Probes;

namespace Conformance.Harness.Requirements;

/// <summary>
/// One catalogue entry as it is written, part by part: <c>Must("REG-IN-USE").In(Areas.Registration).Section(...)
/// .Rule(...).Says(...)</c>. Each step returns a new builder; <see cref="Build"/> checks every part.
/// </summary>
/// <param name="Id">The stable identifier.</param>
/// <param name="Level">How binding the rule is.</param>
internal sealed partial record RequirementBuilder(string Id, RequirementLevel Level)
{
    private string? AreaPart { get; init; }

    private string? ModulePart { get; init; }

    private string? AnchorPart { get; init; }

    private string? SincePart { get; init; }

    private RequirementBasis BasisPart { get; init; }

    private string? RulePart { get; init; }

    private IReadOnlyList<SpecQuote> QuoteParts { get; init; } = [];

    /// <summary>The suite area, one of <see cref="Areas"/>.</summary>
    public RequirementBuilder In(string area) => this with { AreaPart = area };

    /// <summary>The spec module and the anchor of the section that states the rule.</summary>
    public RequirementBuilder Section(string module, string anchor) => this with { ModulePart = module, AnchorPart = anchor };

    /// <summary>The first spec version with the rule; left out for rules older than v1.1.</summary>
    public RequirementBuilder Since(string version) => this with { SincePart = version };

    /// <summary>The level rests on the API schema, not on a keyword (<see cref="RequirementBasis.ApiSchema"/>).</summary>
    public RequirementBuilder FromApiSchema() => this with { BasisPart = RequirementBasis.ApiSchema };

    /// <summary>The rule in one sentence, in our words.</summary>
    public RequirementBuilder Rule(string rule) => this with { RulePart = rule };

    /// <summary>A sentence of the prose of the linked section.</summary>
    public RequirementBuilder Says(string text) => this with { QuoteParts = [.. QuoteParts, new SpecQuote(text)] };

    /// <summary>A sentence that stands elsewhere, e.g. <c>registration.yaml, 403</c> for a documented response.</summary>
    public RequirementBuilder SaysAt(string where, string text) => this with { QuoteParts = [.. QuoteParts, new SpecQuote(text, where)] };

    /// <summary>The requirement, once every part is given and well formed.</summary>
    /// <exception cref="InvalidOperationException">A part is missing or malformed; the message names the entry and the part.</exception>
    public Requirement Build()
    {
        Check(IdPattern().IsMatch(Id), "its id is capitals, digits and hyphens, e.g. REG-IN-USE");
        Check(AreaPart is { Length: > 0 } area && area.All(char.IsAsciiLetterOrDigit), "it names its area (letters and digits: it is an NUnit category)");
        Check(!string.IsNullOrWhiteSpace(ModulePart) && !string.IsNullOrWhiteSpace(AnchorPart) && !AnchorPart.Contains(' ', StringComparison.Ordinal),
            "it names its spec module and section anchor");
        Check(SincePart is null || SpecVersions.Key(SincePart) is not null, $"its since-version '{SincePart}' is a spec version such as v1.3 or r0.4.0");
        Check(!string.IsNullOrWhiteSpace(RulePart) && !RulePart.Contains('\n', StringComparison.Ordinal), "it states its rule in one line");
        Check(QuoteParts.Count > 0, "it quotes the spec: a failure message must be able to give the spec's own words");
        Check(QuoteParts.Select(q => q.Text).Distinct(StringComparer.Ordinal).Count() == QuoteParts.Count, "its quotes are distinct");
        foreach (var quote in QuoteParts)
        {
            Check(quote.Text.Length > 0 && quote.Text.Trim() == quote.Text, $"the quote \"{quote.Text}\" is the words, without surrounding space");
            Check(!quote.Text.Contains("](", StringComparison.Ordinal) && !quote.Text.Contains('\n', StringComparison.Ordinal),
                $"the quote \"{quote.Text}\" has links as their text and lines as one line");
            Check(quote.Where is null || quote.Where.Trim().Length > 0, $"the quote \"{quote.Text}\" names its source when it names one");
        }

        return new Requirement
        {
            Id = Id, Level = Level, Basis = BasisPart, Area = AreaPart!, Module = ModulePart!, Anchor = AnchorPart!, Since = SincePart,
            Rule = RulePart!, Quotes = QuoteParts,
        };
    }

    private void Check(bool holds, string expectation)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"Catalogue entry {Id} is malformed: {expectation}.");
        }
    }

    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex IdPattern();
}
