using Conformance.Harness.Probes;
using Conformance.Harness.Running;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace Conformance.Harness.Requirements;

/// <summary>
/// Puts the rule a test checks into its failure message, before the exchanges the message shows, so every failure
/// (a matcher's, a plain FluentAssertions one, a shared step's read by several tests) names the requirement of the
/// test that failed, taken from the test's own <see cref="RequirementAttribute"/> rather than looked up.
/// </summary>
public sealed class RuleInFailureMessageCommand(TestCommand inner, Requirement requirement) : ResultAdjustingCommand(inner)
{
    /// <inheritdoc />
    protected override TestResult Adjust(TestExecutionContext context, TestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.ResultState.Status == TestStatus.Inconclusive && Steps.Blocked.RuleOf(NotJudgedReason.Of(result.Message).Group) == requirement.Id)
        {
            // A step judged by the test's own rule, refused: that is this rule broken, never a reason to leave it unjudged.
            result.SetResult(ResultState.Failure,
                WithRule("A step of this test was refused, and the rule that judges that step is this test's own:\n" + result.Message, requirement), result.StackTrace);
            return result;
        }

        if (result.ResultState.Status == TestStatus.Failed && result.Message is { Length: > 0 } message)
        {
            result.SetResult(result.ResultState, WithRule(message, requirement), result.StackTrace);
        }

        return result;
    }

    /// <summary><paramref name="message"/> with <paramref name="rule"/>'s description before the first exchange it shows (else at its end).</summary>
    public static string WithRule(string message, Requirement rule)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(rule);
        var at = message.StartsWith("--- ", StringComparison.Ordinal) ? 0
            : message.IndexOf("\n--- ", StringComparison.Ordinal) is var line and >= 0 ? line + 1
            : message.Length;
        var before = message[..at];
        var separator = before.Length == 0 || before.EndsWith('\n') ? string.Empty : "\n";
        return before + separator + rule.Describe() + "\n" + message[at..];
    }
}
