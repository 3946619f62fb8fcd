using Conformance.Harness.Probes;

namespace Conformance.Harness.Reporting;

/// <summary>The tests that reached no verdict for one reason, and what would let the suite judge them.</summary>
/// <param name="Reason">The shared cause, as <see cref="NotJudgedReason.Of"/> reads it from the Inconclusive message.</param>
/// <param name="Remedies">What would let the suite judge them; empty when no message said, more than one when messages differ.</param>
/// <param name="Tests">The tests, by requirement id then name.</param>
public sealed record NotJudgedGroup(string Reason, IReadOnlyList<string> Remedies, IReadOnlyList<TestRecord> Tests)
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
                [.. g.Select(t => t.Reason.Remedy).Where(r => r.Length > 0).GroupBy(r => r, StringComparer.Ordinal)
                    .OrderByDescending(r => r.Count()).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key)],
                [.. g.Select(t => t.Record).OrderBy(r => r.Requirement?.Id, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)]))
            .OrderByDescending(g => g.Tests.Count)
            .ThenBy(g => g.Reason, StringComparer.Ordinal)];
    }
}
