namespace Conformance.Harness.Client;

/// <summary>Every exchange one test made, in order; safe to add to from several tasks.</summary>
public sealed class ExchangeLog
{
    // A list under a lock, not a concurrent queue: most tests record a handful of exchanges, and a queue's first
    // segment alone costs more than that.
    private readonly List<Exchange> _exchanges = [];
    private readonly Lock _lock = new();

    /// <summary>The exchanges so far: a copy, so a reader never sees one added while it reads.</summary>
    public IReadOnlyCollection<Exchange> Exchanges
    {
        get
        {
            lock (_lock)
            {
                return [.. _exchanges];
            }
        }
    }

    /// <summary>Adds one exchange.</summary>
    public void Add(Exchange exchange)
    {
        lock (_lock)
        {
            _exchanges.Add(exchange);
        }
    }
}
