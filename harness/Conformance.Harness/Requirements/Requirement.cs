namespace Conformance.Harness.Requirements;

/// <summary>One normative rule of the spec the suite checks, as the catalogue builds it.</summary>
public sealed record Requirement
{
    private const string SpecRoot = "https://spec.matrix.org/v1.19/";

    /// <summary>Stable identifier, e.g. <c>REG-IN-USE</c>.</summary>
    public required string Id { get; init; }

    /// <summary>How binding it is.</summary>
    public required RequirementLevel Level { get; init; }

    /// <summary>What the level rests on: a keyword sentence, or the API schema.</summary>
    public RequirementBasis Basis { get; init; }

    /// <summary>The suite area, e.g. <c>Registration</c> (also an NUnit category).</summary>
    public required string Area { get; init; }

    /// <summary>The spec module, e.g. <c>Registration</c> or <c>Guest access</c>.</summary>
    public required string Module { get; init; }

    /// <summary>The section's anchor under <c>client-server-api/</c>, or a path such as <c>appendices/#user-identifiers</c>.</summary>
    public required string Anchor { get; init; }

    /// <summary>The first spec version with the rule, or null when it is older than v1.1.</summary>
    public string? Since { get; init; }

    /// <summary>The rule in one sentence, in our words.</summary>
    public required string Rule { get; init; }

    /// <summary>The spec's own sentences the rule rests on, each one a test may pin (at least one).</summary>
    public required IReadOnlyList<SpecQuote> Quotes { get; init; }

    /// <summary>The one sentence the running test rests on, when it named one; null when all of <see cref="Quotes"/> apply.</summary>
    public SpecQuote? Pinned { get; init; }

    /// <summary>The sentences a failure message quotes: the pinned one, or else all of them.</summary>
    public IReadOnlyList<SpecQuote> QuotesShown => Pinned is { } pinned ? [pinned] : Quotes;

    /// <summary>The link to the spec section that states the rule.</summary>
    public Uri SpecLink => new(SpecRoot + (Anchor.Contains('/', StringComparison.Ordinal) ? Anchor : "client-server-api/#" + Anchor));

    /// <summary>The level as the report shows it: MUST, SHOULD or MAY.</summary>
    public string LevelName => Level switch
    {
        RequirementLevel.Must => "MUST",
        RequirementLevel.Should => "SHOULD",
        _ => "MAY",
    };

    /// <summary>The quotes whose text contains <paramref name="part"/> (ordinal, never for a blank part): exactly one when a test pins a sentence correctly.</summary>
    public IReadOnlyList<SpecQuote> QuotesContaining(string part) =>
        string.IsNullOrWhiteSpace(part) ? [] : [.. Quotes.Where(q => q.Text.Contains(part, StringComparison.Ordinal))];

    /// <summary>"Requirement REG-IN-USE (MUST): rule", the spec's words it rests on, and the link, for failure messages and reports.</summary>
    public string Describe() =>
        $"Requirement {Id} ({LevelName}{(Basis == RequirementBasis.ApiSchema ? ", API schema" : string.Empty)}{(Since is null ? string.Empty : ", since " + Since)}): {Rule}\n"
        + string.Concat(QuotesShown.Select(q => q.Describe() + "\n"))
        + $"Spec: {SpecLink}";
}
