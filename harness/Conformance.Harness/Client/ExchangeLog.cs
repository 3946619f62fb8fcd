using System.Collections.Concurrent;

namespace Conformance.Harness.Client;

/// <summary>Every exchange one test made, in order; safe to add to from several tasks.</summary>
public sealed class ExchangeLog
{
    private readonly ConcurrentQueue<Exchange> _exchanges = new();

    /// <summary>The exchanges so far.</summary>
    public IReadOnlyCollection<Exchange> Exchanges => _exchanges;

    /// <summary>Adds one exchange.</summary>
    public void Add(Exchange exchange) => _exchanges.Enqueue(exchange);
}
