using Conformance.Harness.Requirements;

namespace Conformance.Harness.Tests.Requirements;

/// <summary>Every requirement quotes the spec's own words.</summary>
public sealed class RequirementCatalogueTests
{
    private static IEnumerable<TestCaseData> EveryRequirement() =>
        RequirementCatalogue.Requirements.Select(r => new TestCaseData(r.Id).SetArgDisplayNames(r.Id));

    [Test]
    public void Every_id_is_unique()
    {
        RequirementCatalogue.Requirements.Select(r => r.Id).Should().OnlyHaveUniqueItems();
    }

    [TestCaseSource(nameof(EveryRequirement))]
    public void Every_requirement_quotes_the_spec_in_distinct_clean_sentences(string id)
    {
        var quotes = RequirementCatalogue.Get(id).Quotes;

        quotes.Should().NotBeEmpty("a failure message must be able to quote the spec's own words");
        quotes.Select(q => q.Text).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(t => t.Length > 0 && t.Trim() == t, "a quote is the words, without surrounding space")
            .And.OnlyContain(t => !t.Contains("](", StringComparison.Ordinal) && !t.Contains('\n', StringComparison.Ordinal), "links become their text, lines one line");
        quotes.Should().NotContain(q => q.Where != null && q.Where.Trim().Length == 0, "a source, when named, is named");
    }
}
