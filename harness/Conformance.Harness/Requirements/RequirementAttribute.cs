using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;
using Conformance.Harness.KnownFailures;
using Conformance.Harness.Probes;
using Conformance.Harness.Reproductions;
using Conformance.Harness.Running;

namespace Conformance.Harness.Requirements;

/// <summary>
/// Names the one requirement a test checks, and optionally the one sentence of it the test rests on. Level, area, spec
/// version, link and quotes come from the catalogue and are recorded as NUnit properties (for reports) and categories
/// (for <c>dotnet test --filter</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RequirementAttribute : NUnitAttribute, IApplyToTest, IWrapTestMethod
{
    /// <summary>Marks a test as checking the requirement <paramref name="id"/>.</summary>
    public RequirementAttribute(string id)
    {
        Requirement = RequirementCatalogue.Get(id);
    }

    /// <summary>
    /// Marks a test as checking the part of requirement <paramref name="id"/> that binds only at <paramref name="level"/>,
    /// e.g. the "preferably" of a MUST rule, so the report and filters show the weaker level.
    /// </summary>
    public RequirementAttribute(string id, RequirementLevel level)
    {
        Requirement = RequirementCatalogue.Get(id) with { Level = level };
    }

    /// <summary>The requirement.</summary>
    public Requirement Requirement { get; }

    // The requirement as this test checks it: at its level, quoting only the sentence it pinned, if it pinned one.
    private Requirement? _checked;

    /// <summary>
    /// Part of the one sentence of the requirement's <see cref="Requirement.Quotes"/> this test rests on, e.g. its opening
    /// words; its failure messages then quote only that sentence. A part found in no sentence, or in several, makes the
    /// test not runnable, so a typo fails the run.
    /// </summary>
    public string? Quote { get; set; }

    /// <inheritdoc />
    public void ApplyToTest(Test test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var properties = test.Properties;
        properties.Set(RequirementProperties.Id, Requirement.Id);
        properties.Set(RequirementProperties.Level, Requirement.LevelName);
        properties.Set(RequirementProperties.Area, Requirement.Area);
        properties.Set(RequirementProperties.Module, Requirement.Module);
        properties.Set(RequirementProperties.SpecVersion, Requirement.Since ?? "v1.1");
        properties.Set(RequirementProperties.SpecLink, Requirement.SpecLink.ToString());
        properties.Set(PropertyNames.Description, Requirement.Rule);
        properties.Add(PropertyNames.Category, Requirement.LevelName);
        properties.Add(PropertyNames.Category, Requirement.Area);
        _checked = Requirement;
        if (Quote is not null)
        {
            var found = Requirement.QuotesContaining(Quote);
            if (found.Count == 1)
            {
                properties.Set(RequirementProperties.Quote, found[0].Text);
                _checked = Requirement with { Pinned = found[0] };
            }
            else
            {
                // Not runnable fails the run, so a mistyped or ambiguous pin cannot pass unnoticed.
                test.MakeInvalid($"Quote \"{Quote}\" is part of {found.Count} of {Requirement.Id}'s sentences, not exactly one. Its sentences:\n"
                    + string.Join("\n", Requirement.Quotes.Select(q => "  " + q.Text)));
            }
        }
    }

    /// <summary>
    /// A rule newer than every spec version the server advertises cannot be held against it: Inconclusive. A failure
    /// names the rule and carries a reproduction. A result the run's known-failures list names is reclassified.
    /// </summary>
    public TestCommand Wrap(TestCommand command) =>
        new KnownFailureCommand(
            new ReproductionCommand(new RuleInFailureMessageCommand(new SpecVersionGate(command, Requirement), _checked ?? Requirement)),
            Requirement.Id,
            context => ConformanceTest.RunOf(context)?.KnownFailures);

    /// <remarks>
    /// The gate runs in place of the test body (not as a SetUp), so the Inconclusive verdict stands and the body never
    /// sends a request the server cannot know.
    /// </remarks>
    private sealed class SpecVersionGate(TestCommand inner, Requirement requirement) : DelegatingTestCommand(inner)
    {
        public override TestResult Execute(TestExecutionContext context)
        {
            var advertised = ConformanceTest.RunOf(context)?.AdvertisedVersions;
            if (advertised is not null && requirement.Since is { } since && !SpecVersions.AnyAtLeast(advertised, since))
            {
                context.CurrentResult.SetResult(ResultState.Inconclusive, NotJudgedReasons.OlderSpecVersion.Message(
                    $"{requirement.Id} is a rule of spec {since}; the server advertises only {string.Join(", ", advertised)}."));
                return context.CurrentResult;
            }

            return innerCommand.Execute(context);
        }
    }
}
