using System.Globalization;
using System.Text;
using Conformance.Harness.KnownFailures;
using Conformance.Harness.Probes;
using Conformance.Harness.Running;

namespace Conformance.Harness.Reporting;

/// <summary>
/// The one line a run of the suite ends with on the console:
/// <c>132 tests: 120 passed, 2 failed (1 MUST, 1 SHOULD), 10 not judged (6 rate-limited, 4 feature off); summary: reports/summary.md</c>.
/// </summary>
/// <remarks>
/// It counts how the run ended, in the numbers its TRX file has too, where the summary counts what the server kept.
/// "passed" and "failed" are the tests the test runner passed and failed: a broken test and a fixed known failure that
/// fails the run are among the failed. The rest are the known failures, the fixed known failures that are only
/// flagged, and the tests not judged: NUnit ends them Warning or Inconclusive, which TRX counts as not executed.
/// </remarks>
public static class ClosingLine
{
    /// <summary>What a run that stopped before its report was started ends with.</summary>
    public const string NoRun = "No test ran: the run stopped before its first test (the reason is above), so no summary was written";

    /// <summary>The closing line of the run that left <paramref name="records"/> and wrote its summary to <paramref name="summaryPath"/>.</summary>
    /// <param name="records">Every test of the run.</param>
    /// <param name="summaryPath">Where the summary is, shown from the checkout's root when it is inside it.</param>
    /// <param name="knownFailures">The run's known-failures list, for requirement entries none of whose tests failed.</param>
    public static string Of(IReadOnlyCollection<TestRecord> records, string summaryPath, KnownFailureList? knownFailures = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(summaryPath);
        var tally = JudgedTally.Of(records);
        var fixedFailing = records.Count(r => r.Known == KnownFailureOutcome.Fixed && r.Verdict != Verdict.Passed);
        var fixedFlagged = records.Count(r => r.Known == KnownFailureOutcome.Fixed && r.Verdict == Verdict.Passed);
        var passed = tally.Passed - fixedFailing - fixedFlagged;
        var failed = tally.Failed.Count + fixedFailing;

        var why = new List<string>();
        if (tally.Failed.Count > 0)
        {
            why.Add(JudgedTally.ByLevel(tally.Failed));
        }

        if (fixedFailing > 0)
        {
            why.Add(Count(fixedFailing, "fixed known failure", "fixed known failures"));
        }

        var line = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Count(records.Count, "test", "tests")}: {passed} passed, {failed} failed{InParentheses(why)}");
        if (tally.KnownFailures.Count > 0)
        {
            line.Append(CultureInfo.InvariantCulture,
                $", {Count(tally.KnownFailures.Count, "known failure", "known failures")} ({JudgedTally.ByLevel(tally.KnownFailures)})");
        }

        if (fixedFlagged > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $", {Count(fixedFlagged, "fixed known failure", "fixed known failures")} flagged");
        }

        line.Append(CultureInfo.InvariantCulture, $", {tally.NotJudged.Count} not judged{InParentheses(Kinds(tally.NotJudged))}");
        var fixedRequirements = knownFailures?.FixedRequirements.Select(e => e.Text).ToList() ?? [];
        if (fixedRequirements.Count > 0)
        {
            line.Append(CultureInfo.InvariantCulture,
                $"; {Count(fixedRequirements.Count, "listed requirement", "listed requirements")} fixed ({string.Join(", ", fixedRequirements)})");
        }

        return line.Append("; summary: ").Append(Shown(summaryPath)).ToString();
    }

    /// <summary>"6 rate-limited, 4 feature off": the not-judged tests by the kind of their reason, largest first.</summary>
    private static List<string> Kinds(IEnumerable<TestRecord> notJudged) =>
    [
        .. notJudged.GroupBy(r => NotJudgedReason.Of(r.Message).Kind.Label, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}")),
    ];

    private static string InParentheses(List<string> parts) => parts.Count == 0 ? string.Empty : $" ({string.Join(", ", parts)})";

    private static string Count(int count, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    /// <remarks>From the checkout's root, where the README's commands are typed, when the summary is inside it.</remarks>
    private static string Shown(string path)
    {
        var full = Path.GetFullPath(path);
        return SourceTree.Root?.FullName is { } root && full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(root, full)
            : full;
    }
}
