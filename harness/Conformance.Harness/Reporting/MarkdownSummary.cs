using System.Globalization;
using System.Text;

namespace Conformance.Harness.Reporting;

/// <summary>A summary short enough for a CI job summary or a pull-request comment: areas, then each failure.</summary>
public static class MarkdownSummary
{
    /// <summary>The summary of <paramref name="records"/>.</summary>
    public static string Of(IReadOnlyCollection<TestRecord> records, RunFacts facts)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(facts);
        var text = new StringBuilder()
            .AppendLine("# Matrix registration conformance")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Server: {facts.Target} ({facts.ServerSoftware ?? "no Server header"}); spec versions: {string.Join(", ", facts.AdvertisedVersions)}.")
            .AppendLine()
            .AppendLine("| area | passed | failed | inconclusive | passed of judged |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var area in records.GroupBy(r => r.Requirement?.Area ?? r.ShortClassName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var passed = area.Count(r => r.Verdict == Verdict.Passed);
            var failed = area.Count(r => r.Verdict is Verdict.Failed or Verdict.Broken);
            var skipped = area.Count(r => r.Verdict == Verdict.Skipped);
            var share = passed + failed == 0 ? "-" : (100.0 * passed / (passed + failed)).ToString("0", CultureInfo.InvariantCulture) + " %";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {area.Key} | {passed} | {failed} | {skipped} | {share} |");
        }

        var failures = records.Where(r => r.Verdict is Verdict.Failed or Verdict.Broken)
            .OrderBy(r => r.Requirement?.Id, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        text.AppendLine();
        text.AppendLine(failures.Count == 0 ? "No failures." : $"## Failures ({failures.Count})");
        foreach (var failure in failures)
        {
            var requirement = failure.Requirement is { } r ? $"{r.Id} ({r.LevelName})" : "no requirement";
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{requirement}** {failure.ShortClassName}.{failure.Name}: {FirstLine(failure.Message)}");
        }

        return text.ToString();
    }

    private static string FirstLine(string? message) =>
        message is null ? "(no message)" : message.Split('\n', 2)[0].Trim().Replace("|", "\\|", StringComparison.Ordinal);
}
