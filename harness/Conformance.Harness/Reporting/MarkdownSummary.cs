using System.Globalization;
using System.Text;
using Conformance.Harness.KnownFailures;

namespace Conformance.Harness.Reporting;

/// <summary>
/// A summary short enough for a CI job summary or a pull-request comment: areas, then the failures in three groups
/// (unexpected, fixed known failures, known failures) and any known-failures entries no test matched.
/// </summary>
public static class MarkdownSummary
{
    /// <summary>The summary of <paramref name="records"/>, judged against <paramref name="knownFailures"/> if given.</summary>
    public static string Of(IReadOnlyCollection<TestRecord> records, RunFacts facts, KnownFailureList? knownFailures = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(facts);
        var text = new StringBuilder()
            .AppendLine("# Matrix registration conformance")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Server: {facts.Target} ({facts.ServerSoftware ?? "no Server header"}); spec versions: {string.Join(", ", facts.AdvertisedVersions)}.")
            .AppendLine();
        foreach (var (feature, finding) in facts.Features ?? [])
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {feature}: {finding}");
        }

        text.AppendLine()
            .AppendLine("| area | passed | failed | known failures | inconclusive | passed of judged |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var area in records.GroupBy(r => r.Requirement?.Area ?? r.ShortClassName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // The server's conformance, whatever the list did to the run: a fixed entry passed, a known one failed.
            var passed = area.Count(r => r.Verdict == Verdict.Passed || r.Known == KnownFailureOutcome.Fixed);
            var unexpected = area.Count(r => IsUnexpectedFailure(r));
            var knownFailed = area.Count(r => r.Known == KnownFailureOutcome.Expected);
            var skipped = area.Count(r => r.Verdict == Verdict.Skipped);
            var judged = passed + unexpected + knownFailed;
            var share = judged == 0 ? "-" : (100.0 * passed / judged).ToString("0", CultureInfo.InvariantCulture) + " %";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {area.Key} | {passed} | {unexpected} | {knownFailed} | {skipped} | {share} |");
        }

        text.AppendLine();
        var unexpectedFailures = Ordered(records.Where(IsUnexpectedFailure));
        text.AppendLine(unexpectedFailures.Count == 0 ? "No unexpected failures." : $"## Failures ({unexpectedFailures.Count})");
        AppendList(text, unexpectedFailures);
        var fixedTests = Ordered(records.Where(r => r.Known == KnownFailureOutcome.Fixed));
        var fixedRequirements = knownFailures?.FixedRequirements.ToList() ?? [];
        if (fixedTests.Count + fixedRequirements.Count > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Fixed known failures: remove them from the list ({fixedTests.Count + fixedRequirements.Count})");
            AppendList(text, fixedTests);
            AppendEntries(text, knownFailures, fixedRequirements, "no test of this requirement failed");
        }

        var known = Ordered(records.Where(r => r.Known == KnownFailureOutcome.Expected));
        if (known.Count > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Known failures (listed, not counted against the run) ({known.Count})");
            AppendList(text, known);
        }

        var stale = knownFailures?.Unmatched.ToList() ?? [];
        if (stale.Count > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Known-failures entries no test matched ({stale.Count})");
            AppendEntries(text, knownFailures, stale, "stale, misspelt, or filtered out of this run");
        }

        return text.ToString();
    }

    private static void AppendEntries(StringBuilder text, KnownFailureList? list, List<KnownFailureEntry> entries, string why)
    {
        foreach (var entry in entries)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{entry.Text}` ({list!.Source} line {entry.Line}): {why}");
        }
    }

    private static bool IsUnexpectedFailure(TestRecord record) =>
        record.Verdict is Verdict.Failed or Verdict.Broken && record.Known == KnownFailureOutcome.None;

    private static List<TestRecord> Ordered(IEnumerable<TestRecord> records) =>
        [.. records.OrderBy(r => r.Requirement?.Id, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)];

    private static void AppendList(StringBuilder text, List<TestRecord> records)
    {
        foreach (var record in records)
        {
            var requirement = record.Requirement is { } r ? $"{r.Id} ({r.LevelName})" : "no requirement";
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{requirement}** {record.ShortClassName}.{record.Name}: {Reason(record)}");
        }
    }

    /// <summary>The line that says why: for a known failure, the server's failure rather than the list's note about it.</summary>
    private static string Reason(TestRecord record)
    {
        var lines = (record.Message ?? "(no message)").Split('\n');
        var line = record.Known == KnownFailureOutcome.Expected && lines.Length > 1 ? lines[1] : lines[0];
        return line.Trim().Replace("|", "\\|", StringComparison.Ordinal);
    }
}
