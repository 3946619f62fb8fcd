using System.Collections.Concurrent;

namespace Conformance.Harness.RateLimits;

/// <summary>
/// One shared pause per endpoint family: when the server answers 429, every request of that family waits until the
/// server's <c>Retry-After</c> has passed, instead of each test hammering on alone.
/// </summary>
public sealed class RateLimitGate(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _closedUntil = new(StringComparer.Ordinal);

    /// <summary>A gate on the system clock.</summary>
    public RateLimitGate()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Whether the family is paused now: most requests find it open and need not wait at all.</summary>
    public bool IsClosed(string family) => _closedUntil.TryGetValue(family, out var until) && until > clock.GetUtcNow();

    /// <summary>Waits until the family's pause (if any) is over.</summary>
    public async Task WaitOpenAsync(string family, CancellationToken ct)
    {
        while (_closedUntil.TryGetValue(family, out var until))
        {
            var wait = until - clock.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, clock, ct);
        }
    }

    /// <summary>Closes the family for <paramref name="wait"/> from now, or longer if it is closed longer already.</summary>
    public void Close(string family, TimeSpan wait)
    {
        var until = clock.GetUtcNow() + wait;
        _closedUntil.AddOrUpdate(family, until, (_, current) => current > until ? current : until);
    }
}
