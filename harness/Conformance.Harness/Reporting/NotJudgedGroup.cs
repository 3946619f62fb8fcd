using System.Globalization;
using System.Text.RegularExpressions;
using Conformance.Harness.Probes;

namespace Conformance.Harness.Reporting;

/// <summary>The tests that reached no verdict for one reason, and what would let the suite judge them.</summary>
/// <param name="Reason">The shared cause, as <see cref="NotJudgedReason.Of"/> reads it from the Inconclusive message.</param>
/// <param name="Remedies">What would let the suite judge them; empty when no message said, more than one when messages differ other than in their numbers.</param>
/// <param name="Tests">The tests, by requirement id then name.</param>
public sealed partial record NotJudgedGroup(string Reason, IReadOnlyList<string> Remedies, IReadOnlyList<TestRecord> Tests)
{
    /// <summary>The groups of <paramref name="notJudged"/>, largest first (ties by reason, so the order is stable).</summary>
    public static IReadOnlyList<NotJudgedGroup> Of(IEnumerable<TestRecord> notJudged)
    {
        ArgumentNullException.ThrowIfNull(notJudged);
        return [.. notJudged
            .Select(r => (Record: r, Reason: NotJudgedReason.Of(r.Message)))
            .GroupBy(t => t.Reason.Group, StringComparer.Ordinal)
            .Select(g => new NotJudgedGroup(
                g.Key,
                [.. g.Select(t => t.Reason.Remedy).Where(r => r.Length > 0).GroupBy(Shape, StringComparer.Ordinal)
                    .OrderByDescending(r => r.Count()).ThenBy(r => r.Key, StringComparer.Ordinal).Select(MostDemanding)],
                [.. g.Select(t => t.Record).OrderBy(r => r.Requirement?.Id, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)]))
            .OrderByDescending(g => g.Tests.Count)
            .ThenBy(g => g.Reason, StringComparer.Ordinal)];
    }

    // Remedies that differ only in their numbers ("patience of at least 281 s", "… 293 s") are one remedy: the one
    // asking most covers every test of the group.
    private static string Shape(string remedy) => Digits().Replace(remedy, "#");

    private static string MostDemanding(IEnumerable<string> sameShape) =>
        sameShape.OrderByDescending(r => Digits().Matches(r).Select(m => long.TryParse(m.Value, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty().Max())
            .ThenBy(r => r, StringComparer.Ordinal).First();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
