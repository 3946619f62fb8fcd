using Conformance.Harness.Client;
using Conformance.Reference.Hosting;

namespace Conformance.Benchmark;

/// <summary>
/// The shortest time a run can take under per-family token-bucket limits: each family's bucket starts full, then
/// every further request the limit counts waits for a refill. Families refill side by side, so the slowest one sets
/// the floor. Counted as the reference server counts: completed registrations, and every judged login attempt.
/// </summary>
public static class RateLimitFloor
{
    /// <summary>The floor for what <paramref name="counts"/> says a run needed, under <paramref name="limits"/>.</summary>
    public static TimeSpan For(RequestCounts counts, IReadOnlyList<RateLimitRule> limits)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(limits);
        var seconds = limits.Select(rule => Math.Max(0, Needed(counts, rule.Family) - rule.Burst) / rule.PerSecond).DefaultIfEmpty(0).Max();
        return TimeSpan.FromSeconds(seconds);
    }

    private static int Needed(RequestCounts counts, string family) => family switch
    {
        "register" => counts.Registrations,
        "login" => counts.LoginAttempts,
        _ => counts.Of(family),
    };
}
