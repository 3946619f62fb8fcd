using Conformance.Harness.Client;
using Conformance.Harness.KnownFailures;
using Conformance.Harness.Requirements;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Conformance.Harness.Reporting;

/// <summary>Reads the test NUnit is finishing (from a TearDown) into a <see cref="TestRecord"/>.</summary>
public static class CurrentTest
{
    /// <summary>The record of the current test, with the exchanges its client made.</summary>
    public static TestRecord Record(IReadOnlyCollection<Exchange> exchanges)
    {
        var context = TestContext.CurrentContext;
        var result = context.Result;
        var name = context.Test.Name;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var known = context.Test.Properties.Get(KnownFailureCommand.OutcomeProperty) is string outcome
            ? Enum.Parse<KnownFailureOutcome>(outcome)
            : KnownFailureOutcome.None;
        return new TestRecord(
            context.Test.ClassName ?? string.Empty,
            context.Test.MethodName ?? name,
            name,
            paren < 0 ? string.Empty : name[(paren + 1)..^1],
            VerdictOf(result.Outcome, known),
            string.IsNullOrWhiteSpace(result.Message) ? null : result.Message,
            string.IsNullOrWhiteSpace(result.StackTrace) ? null : result.StackTrace,
            RequirementProperties.OfCurrentTest(),
            new DateTimeOffset(TestExecutionContext.CurrentContext.StartTime, TimeSpan.Zero),
            DateTimeOffset.UtcNow,
            exchanges,
            known);
    }

    /// <remarks>A fixed known failure the run only flags is a Warning in NUnit, but the server passed.</remarks>
    private static Verdict VerdictOf(ResultState outcome, KnownFailureOutcome known) => outcome.Status switch
    {
        TestStatus.Warning when known == KnownFailureOutcome.Fixed => Verdict.Passed,
        TestStatus.Passed => Verdict.Passed,
        TestStatus.Inconclusive or TestStatus.Skipped => Verdict.Skipped,
        TestStatus.Failed when outcome.Label == ResultState.Error.Label => Verdict.Broken,
        _ => Verdict.Failed,
    };
}
