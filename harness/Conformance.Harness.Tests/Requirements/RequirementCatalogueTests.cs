using System.Reflection;
using Conformance.Harness.Requirements;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Conformance.Harness.Tests.Requirements;

/// <summary>Every requirement quotes the spec, and a test can pin only a sentence its requirement has.</summary>
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

    [Test]
    public void A_pin_that_is_part_of_exactly_one_sentence_records_that_whole_sentence()
    {
        var test = Apply(new RequirementAttribute("REG-UIA-SESSION") { Quote = "Failing to follow the flows in order" });

        test.RunState.Should().Be(RunState.Runnable);
        test.Properties.Get(RequirementProperties.Quote).Should().Be("Failing to follow the flows in order must result in an HTTP 401 response, as defined below.");
    }

    [TestCase("Failing to folow the flows in order", TestName = "A mistyped pin makes the test not runnable")]
    [TestCase("must", TestName = "A pin found in several sentences makes the test not runnable")]
    [TestCase(" ", TestName = "A blank pin makes the test not runnable")]
    public void A_pin_naming_no_single_sentence_makes_the_test_not_runnable(string pin)
    {
        var test = Apply(new RequirementAttribute("REG-UIA-SESSION") { Quote = pin });

        test.RunState.Should().Be(RunState.NotRunnable);
        test.Properties.Get(PropertyNames.SkipReason).Should().BeOfType<string>()
            .Which.Should().Contain("REG-UIA-SESSION").And.Contain("Failing to follow the flows in order must result in an HTTP 401 response");
    }

    [Test]
    public void A_test_without_a_pin_records_none_and_quotes_every_sentence()
    {
        var test = Apply(new RequirementAttribute("REG-IN-USE"));

        test.Properties.ContainsKey(RequirementProperties.Quote).Should().BeFalse();
        RequirementCatalogue.Get("REG-IN-USE").QuotesShown.Should().Equal(RequirementCatalogue.Get("REG-IN-USE").Quotes);
    }

    [Test]
    public void Every_pin_in_this_assembly_is_one_of_its_requirements_sentences()
    {
        var pins = typeof(RequirementCatalogueTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<RequirementAttribute>())
            .OfType<RequirementAttribute>()
            .Where(a => a.Quote is not null)
            .ToList();

        pins.Should().NotBeEmpty().And.OnlyContain(a => a.Requirement.QuotesContaining(a.Quote!).Count == 1);
    }

    private static TestMethod Apply(RequirementAttribute attribute)
    {
        var test = new TestMethod(new MethodWrapper(typeof(RequirementCatalogueTests), nameof(A_test_without_a_pin_records_none_and_quotes_every_sentence)));
        attribute.ApplyToTest(test);
        return test;
    }
}
