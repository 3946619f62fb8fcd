using System.Collections.Concurrent;
using System.Globalization;

namespace Conformance.Harness.RateLimits;

/// <summary>
/// One shared pause per endpoint family: when the server answers 429, every request of that family waits until the
/// server's <c>Retry-After</c> has passed, instead of each test hammering on alone. A long pause prints one progress
/// line per family at least every <see cref="DefaultReportInterval"/>, however many requests wait on it.
/// </summary>
public sealed class RateLimitGate
{
    /// <summary>How often a long pause says how far it has got.</summary>
    public static readonly TimeSpan DefaultReportInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Pause> _pauses = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly Action<string> _progress;
    private readonly TimeSpan _reportEvery;

    /// <summary>A gate on the system clock that reports nowhere.</summary>
    public RateLimitGate()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A gate on <paramref name="clock"/>.</summary>
    /// <param name="clock">The clock pauses are measured on.</param>
    /// <param name="progress">Where progress lines go (the run's progress output); nowhere by default.</param>
    /// <param name="reportEvery">How often a pause reports; pauses shorter than this report nothing.</param>
    public RateLimitGate(TimeProvider clock, Action<string>? progress = null, TimeSpan? reportEvery = null)
    {
        _clock = clock;
        _progress = progress ?? (_ => { });
        _reportEvery = reportEvery ?? DefaultReportInterval;
    }

    /// <summary>Whether the family is paused now: most requests find it open and need not wait at all.</summary>
    public bool IsClosed(string family) => _pauses.TryGetValue(family, out var pause) && pause.Until > _clock.GetUtcNow();

    /// <summary>Waits until the family's pause (if any) is over.</summary>
    public async Task WaitOpenAsync(string family, CancellationToken ct)
    {
        if (!_pauses.TryGetValue(family, out var pause))
        {
            return;
        }

        Interlocked.Increment(ref pause.Waiters);
        try
        {
            while (true)
            {
                var wait = pause.Until - _clock.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    return;
                }

                // The first waiter of a long pause starts its one reporter; the others only wait.
                if (wait >= _reportEvery && Interlocked.CompareExchange(ref pause.Reporting, 1, 0) == 0)
                {
                    _ = ReportAsync(family, pause);
                }

                await Task.Delay(wait, _clock, ct);
            }
        }
        finally
        {
            Interlocked.Decrement(ref pause.Waiters);
        }
    }

    /// <summary>Closes the family for <paramref name="wait"/> from now, or longer if it is closed longer already.</summary>
    public void Close(string family, TimeSpan wait)
    {
        var now = _clock.GetUtcNow();
        _pauses.GetOrAdd(family, _ => new Pause()).Extend(now, now + wait);
    }

    /// <summary>"Waiting out a 429 on login: 150 s of 279 s (3 requests waiting)", now and then until the pause ends.</summary>
    private async Task ReportAsync(string family, Pause pause)
    {
        try
        {
            var due = _clock.GetUtcNow();
            while (true)
            {
                var now = _clock.GetUtcNow();
                var (since, until) = pause.Span;
                var waiters = Volatile.Read(ref pause.Waiters);
                if (until <= now || waiters == 0)
                {
                    return;
                }

                // A timer may fire a little early: a line is printed only once it is due.
                if (now >= due)
                {
                    _progress(string.Create(CultureInfo.InvariantCulture,
                        $"Waiting out a 429 on {family}: {(now - since).TotalSeconds:0} s of {(until - since).TotalSeconds:0} s ({waiters} {(waiters == 1 ? "request" : "requests")} waiting)"));
                    due = now + _reportEvery;
                }

                await Task.Delay((until < due ? until : due) - now, _clock);
            }
        }
        finally
        {
            Volatile.Write(ref pause.Reporting, 0);
        }
    }

    /// <summary>One family's pause: since when it has been closed, until when, and who waits on it.</summary>
    private sealed class Pause
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _since;
        private long _untilTicks = DateTimeOffset.MinValue.UtcTicks;

        // Fields, not properties: Interlocked needs them by reference.
        public int Waiters;
        public int Reporting;

        public DateTimeOffset Until => new(Volatile.Read(ref _untilTicks), TimeSpan.Zero);

        public (DateTimeOffset Since, DateTimeOffset Until) Span
        {
            get
            {
                lock (_lock)
                {
                    return (_since, Until);
                }
            }
        }

        public void Extend(DateTimeOffset now, DateTimeOffset until)
        {
            lock (_lock)
            {
                if (Until <= now)
                {
                    // A pause that had ended: this is a new one, counted from now.
                    _since = now;
                }

                if (until > Until)
                {
                    Volatile.Write(ref _untilTicks, until.UtcTicks);
                }
            }
        }
    }
}
