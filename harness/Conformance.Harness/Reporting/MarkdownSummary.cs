using Conformance.Harness.Accounts;
using System.Globalization;
using System.Text;
using Conformance.Harness.KnownFailures;

namespace Conformance.Harness.Reporting;

/// <summary>
/// A summary short enough for a CI job summary or a pull-request comment: how much of the run was judged, areas, the
/// failures in three groups (unexpected, fixed known failures, known failures), the tests not judged by reason, and
/// any known-failures entries no test matched.
/// </summary>
public static class MarkdownSummary
{
    /// <summary>The summary of <paramref name="records"/>, judged against <paramref name="knownFailures"/> if given.</summary>
    public static string Of(IReadOnlyCollection<TestRecord> records, RunFacts facts, KnownFailureList? knownFailures = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(facts);
        var tally = JudgedTally.Of(records);
        var text = new StringBuilder()
            .AppendLine("# Matrix registration conformance")
            .AppendLine()
            .AppendLine(tally.Sentence())
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Server: {facts.Target} ({facts.ServerSoftware ?? "no Server header"}); spec versions: {string.Join(", ", facts.AdvertisedVersions)}.")
            .AppendLine();
        foreach (var (feature, finding) in facts.Features ?? [])
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {feature}: {finding}");
        }

        // No pass rate: over an area the server let the suite judge only a little of, "100 %" reads as conformance.
        text.AppendLine()
            .AppendLine("| area | judged | passed | failed | known failures | not judged |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var area in records.GroupBy(r => r.Requirement?.Area ?? r.ShortClassName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var counts = JudgedTally.Of(area);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {area.Key} | {counts.Judged} of {counts.Total} | {counts.Passed} | {counts.FailedCount()} | {counts.KnownFailures.Count} | {counts.NotJudged.Count} |");
        }

        text.AppendLine();
        var unexpectedFailures = Ordered(tally.Failed);
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

        var known = Ordered(tally.KnownFailures);
        if (known.Count > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Known failures (listed, not counted against the run) ({known.Count})");
            AppendList(text, known);
        }

        AppendJudgedOnOtherAccounts(text, records);
        AppendNotJudged(text, tally.NotJudged);
        var stale = knownFailures?.Unmatched.ToList() ?? [];
        if (stale.Count > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Known-failures entries no test matched ({stale.Count})");
            AppendEntries(text, knownFailures, stale, "stale, misspelt, or filtered out of this run");
        }

        return text.ToString();
    }

    /// <summary>The judged tests that stood on an account the suite did not register, by where it came from.</summary>
    private static void AppendJudgedOnOtherAccounts(StringBuilder text, IReadOnlyCollection<TestRecord> records)
    {
        foreach (var (origin, heading) in new[] { (AccountOrigin.Given, "the given account (sessions of the suite's own)"), (AccountOrigin.AppService, "users the application service made") })
        {
            var judged = Ordered(records.Where(r => r.Verdict is Verdict.Passed or Verdict.Failed && r.AccountOrigins.Contains(origin)));
            if (judged.Count == 0)
            {
                continue;
            }

            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Judged on {heading} ({judged.Count}; tag `{AllureResultWriter.AccountTag(origin)}`)").AppendLine();
            foreach (var record in judged)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {Requirement(record)} {Test(record)}");
            }
        }
    }

    /// <summary>The not-judged tests by reason, largest group first, each with what would let the suite judge them.</summary>
    private static void AppendNotJudged(StringBuilder text, IReadOnlyList<TestRecord> notJudged)
    {
        if (notJudged.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Not judged ({notJudged.Count}), by reason");
        foreach (var group in NotJudgedGroup.Of(notJudged))
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {group.Reason} ({group.Tests.Count})").AppendLine();
            foreach (var remedy in group.Remedies)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"To judge {(group.Tests.Count == 1 ? "it" : "them")}: {remedy}").AppendLine();
            }

            foreach (var record in group.Tests)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {Requirement(record)} {Test(record)}");
            }
        }
    }

    private static void AppendEntries(StringBuilder text, KnownFailureList? list, List<KnownFailureEntry> entries, string why)
    {
        foreach (var entry in entries)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{entry.Text}` ({list!.Source} line {entry.Line}): {why}");
        }
    }

    private static List<TestRecord> Ordered(IEnumerable<TestRecord> records) =>
        [.. records.OrderBy(r => r.Requirement?.Id, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)];

    private static void AppendList(StringBuilder text, List<TestRecord> records)
    {
        foreach (var record in records)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {Requirement(record)} {Test(record)}: {Reason(record)}");
        }
    }

    /// <summary>
    /// The sentence a reader scans, then the name a known-failures list takes (<c>Class.Method</c>, arguments kept), so
    /// an entry can be copied from here.
    /// </summary>
    private static string Test(TestRecord record) => $"{record.Title} (`{record.ShortClassName}.{record.Name}`)";

    private static string Requirement(TestRecord record) =>
        record.Requirement is { } r ? $"**{r.Id} ({r.LevelName})**" : "**no requirement**";

    /// <summary>The line that says why: for a known failure, the server's failure rather than the list's note about it.</summary>
    private static string Reason(TestRecord record)
    {
        var lines = (record.Message ?? "(no message)").Split('\n');
        var line = record.Known == KnownFailureOutcome.Expected && lines.Length > 1 ? lines[1] : lines[0];
        return line.Trim().Replace("|", "\\|", StringComparison.Ordinal);
    }
}
