using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using Conformance.Harness.Running;
using NUnit.Framework.Internal.Commands;

namespace Conformance.Harness.KnownFailures;

/// <summary>
/// Reclassifies a listed test's result: a failure it was listed for becomes a Warning (reported, not a CI failure). A
/// test listed by name that passes becomes a failure saying the entry should go (or a Warning when the run tolerates
/// fixed entries); a requirement entry is judged fixed only when the run is over and none of its tests failed.
/// Unlisted tests and Inconclusive results are left alone.
/// </summary>
/// <remarks>The outcome is also kept as a test property for the report.</remarks>
public sealed class KnownFailureCommand(TestCommand inner, string? requirementId, Func<TestExecutionContext, KnownFailurePolicy?> policy) : ResultAdjustingCommand(inner)
{
    /// <summary>The test property holding the <see cref="KnownFailureOutcome"/> of a reclassified test.</summary>
    public const string OutcomeProperty = "KnownFailure";

    /// <inheritdoc />
    protected override TestResult Adjust(TestExecutionContext context, TestResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        if (policy(context) is not { } active)
        {
            return result;
        }

        var test = context.CurrentTest;
        var entry = active.List.Find(requirementId, test.FullName, $"{test.ClassName}.{test.MethodName}");
        if (entry is null)
        {
            return result;
        }

        active.List.Observe(entry, result.ResultState.Status == TestStatus.Failed);
        var where = $"{active.List.Source} line {entry.Line}: {entry.Text}";
        switch (result.ResultState.Status)
        {
            case TestStatus.Failed:
                test.Properties.Set(OutcomeProperty, nameof(KnownFailureOutcome.Expected));
                result.SetResult(ResultState.Warning, $"Known failure (listed in {where}); not counted against the run.\n{result.Message}", result.StackTrace);
                break;
            case TestStatus.Passed when !entry.IsRequirement:
                test.Properties.Set(OutcomeProperty, nameof(KnownFailureOutcome.Fixed));
                var message = $"Fixed known failure: this test passed but is listed in {where}. The server now keeps the rule: remove the entry from the list.";
                result.SetResult(active.FixedFailsRun ? ResultState.Failure : ResultState.Warning, message);
                break;
            default:
                break;
        }

        return result;
    }
}
