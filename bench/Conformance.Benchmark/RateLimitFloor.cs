using System.Globalization;
using Conformance.Reference.Hosting;

namespace Conformance.Benchmark;

/// <summary>
/// The shortest time a run can take under token-bucket limits, for the requests the server's buckets counted: each
/// bucket starts full, so <c>n</c> spends from one need <c>(n - burst) / rate</c> seconds of refill at least. Buckets
/// refill side by side, so the slowest one sets the floor. (A login has to follow its account's registration, but
/// that only makes the true minimum longer: the floor stays a floor.)
/// </summary>
/// <param name="Floor">The longest of the buckets' floors.</param>
/// <param name="Lines">One line per family: its buckets, what they spent and refused, and its floor.</param>
public sealed record RateLimitFloor(TimeSpan Floor, IReadOnlyList<string> Lines)
{
    /// <summary>The floor for what <paramref name="ledger"/> recorded under <paramref name="rules"/>.</summary>
    public static RateLimitFloor Of(RateLimitLedger ledger, IReadOnlyList<RateLimitRule> rules)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(rules);
        var buckets = ledger.Buckets;
        var lines = new List<string>();
        var floor = 0.0;
        foreach (var rule in rules)
        {
            var mine = buckets.Where(b => b.Family == rule.Family).OrderByDescending(b => b.Spent).ToList();
            var seconds = mine.Select(b => Math.Max(0, b.Spent - rule.Burst) / rule.PerSecond).DefaultIfEmpty(0).Max();
            floor = Math.Max(floor, seconds);
            var busiest = mine.Count == 0 ? "no requests" : mine.Count == 1
                ? $"{mine[0].Spent} spent, {mine[0].Refused} refused (one bucket: {mine[0].Key})"
                : $"{mine.Count} buckets, {mine.Sum(b => b.Spent)} spent and {mine.Sum(b => b.Refused)} refused in all, the busiest {mine[0].Spent} spent ({mine[0].Key})";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{rule.Family} {rule.PerSecond:0.####}/s burst {rule.Burst}: {busiest}; floor {seconds:0.0} s"));
        }

        return new RateLimitFloor(TimeSpan.FromSeconds(floor), lines);
    }
}
