using System.Text;
using Conformance.Harness.Client;
using Conformance.Harness.Probes;
using Conformance.Harness.Requirements;
using NUnit.Framework;

namespace Conformance.Harness.Steps;

/// <summary>
/// A step of a test's arrangement (an account, a guest, a second login, a device read back, a token, a client) that
/// did not get what the test needs. The test ends not judged, "blocked by" the rule that judges that step, never
/// failed: the deviation shows once, as the failure of the blocking rule's own test.
/// </summary>
/// <remarks>
/// ISO/IEC 9646 and TTCN-3 call this INCONC: a preamble that does not reach its state gives no verdict on the test
/// body. Every test a deviation blocked is grouped under that rule in the summary, Allure and the closing line.
/// </remarks>
public static class Blocked
{
    /// <summary>How the group of every reason of this kind starts: "Blocked by REG-RESPONSE-REQUIRED".</summary>
    internal const string Opening = "Blocked by ";

    /// <summary>The shared reason of every test the rule <paramref name="ruleId"/> blocked.</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no such rule: a step must name one that a test judges.</exception>
    public static NotJudgedReason By(string ruleId)
    {
        var rule = RequirementCatalogue.Get(ruleId);
        return new NotJudgedReason(Opening + rule.Id,
            $"fix what the test of {rule.Id} reports (it judges this answer); this test needed the step only to reach its own rule")
        {
            Kind = NotJudgedKind.BlockedBy(rule.Id),
        };
    }

    /// <summary>Ends the running test as blocked by <paramref name="ruleId"/>: the step, what it needed, what it got, and the exchanges.</summary>
    /// <param name="ruleId">The rule that judges the step's answer (whose own test fails on it).</param>
    /// <param name="step">What the step was for, e.g. <c>a fresh account</c>.</param>
    /// <param name="needed">What the test needs from it, in words that complete "it needed …".</param>
    /// <param name="got">What it got instead, in words that complete "but …".</param>
    /// <param name="exchanges">The exchanges that showed it.</param>
    public static InconclusiveException Step(string ruleId, string step, string needed, string got, params IEnumerable<Exchange> exchanges)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var details = new StringBuilder()
            .Append("The step \"").Append(step).Append("\" did not get what this test needs: it needed ").Append(needed)
            .Append(", but ").Append(got).AppendLine(".");
        foreach (var exchange in exchanges)
        {
            details.Append(exchange.Describe());
        }

        return By(ruleId).Exception(details.ToString());
    }

    /// <summary>The blocking rule's id in a group written by <see cref="By"/>, or null for any other group.</summary>
    internal static string? RuleOf(string group) =>
        group.StartsWith(Opening, StringComparison.Ordinal) ? group[Opening.Length..] : null;
}
