using System.Reflection;
using Conformance.Harness.Requirements;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Conformance.Harness.Tests.Requirements;

/// <summary>Every catalogue entry is checked as it is built, and a test can pin only a sentence its requirement has.</summary>
public sealed class RequirementCatalogueTests
{
    [Test]
    public void Every_id_is_unique()
    {
        RequirementCatalogue.Requirements.Select(r => r.Id).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void An_entry_with_every_part_builds_the_requirement_the_reports_describe()
    {
        var requirement = Entry().Since("v1.3").FromApiSchema().SaysAt("registration.yaml, 400", "The desired user ID is already taken.").Build();

        requirement.Describe().Should().Be(
            "Requirement REG-EXAMPLE (MUST, API schema, since v1.3): A taken username is refused.\n"
            + "Spec says: \"Servers MUST refuse it.\"\n"
            + "Spec says (registration.yaml, 400): \"The desired user ID is already taken.\"\n"
            + "Spec: https://spec.matrix.org/v1.19/client-server-api/#post_matrixclientv3register");
        requirement.Area.Should().Be(Areas.Registration);
    }

    private static readonly Dictionary<string, (Func<RequirementBuilder> Entry, string Problem)> Malformed = new(StringComparer.Ordinal)
    {
        ["lower-case id"] = (() => new RequirementBuilder("reg-example", RequirementLevel.Must).In(Areas.Registration).Section("Registration", Register).Rule("R.").Says("Q."), "its id"),
        ["no area"] = (() => new RequirementBuilder("REG-EXAMPLE", RequirementLevel.Must).Section("Registration", Register).Rule("R.").Says("Q."), "its area"),
        ["area with a space"] = (() => Entry().In("Api standards"), "its area"),
        ["no section"] = (() => new RequirementBuilder("REG-EXAMPLE", RequirementLevel.Must).In(Areas.Registration).Rule("R.").Says("Q."), "section anchor"),
        ["since not a version"] = (() => Entry().Since("1.3"), "since-version '1.3'"),
        ["no rule"] = (() => new RequirementBuilder("REG-EXAMPLE", RequirementLevel.Must).In(Areas.Registration).Section("Registration", Register).Says("Q."), "its rule"),
        ["no quote"] = (() => new RequirementBuilder("REG-EXAMPLE", RequirementLevel.Must).In(Areas.Registration).Section("Registration", Register).Rule("R."), "quotes the spec"),
        ["repeated quote"] = (() => Entry().Says("Servers MUST refuse it."), "distinct"),
        ["quote with space around"] = (() => Entry().Says(" Servers must. "), "without surrounding space"),
        ["quote with a link"] = (() => Entry().Says("See [the API](#api)."), "links as their text"),
        ["quote with a blank source"] = (() => Entry().SaysAt(" ", "Elsewhere."), "names its source"),
    };

    private static string[] MalformedEntries() => [.. Malformed.Keys];

    [TestCaseSource(nameof(MalformedEntries))]
    public void A_malformed_entry_fails_to_build_naming_the_entry_and_the_part(string entry)
    {
        var (builder, problem) = Malformed[entry];

        var build = () => builder().Build();

        build.Should().Throw<InvalidOperationException>().WithMessage($"Catalogue entry * is malformed: *{problem}*");
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

    private const string Register = "post_matrixclientv3register";

    private static RequirementBuilder Entry() =>
        new RequirementBuilder("REG-EXAMPLE", RequirementLevel.Must).In(Areas.Registration).Section("Registration", Register)
            .Rule("A taken username is refused.").Says("Servers MUST refuse it.");

    private static TestMethod Apply(RequirementAttribute attribute)
    {
        var test = new TestMethod(new MethodWrapper(typeof(RequirementCatalogueTests), nameof(A_test_without_a_pin_records_none_and_quotes_every_sentence)));
        attribute.ApplyToTest(test);
        return test;
    }
}
