using System.Collections.Concurrent;

namespace Conformance.Harness.Client;

/// <summary>
/// Every exchange log a transport has recorded into: a test's, the shared account's, a once-per-run step's. A
/// reproduction of a test that used something another log made (the shared account's token or username) starts with
/// that log's exchanges.
/// </summary>
public sealed class ExchangeLogs
{
    private readonly ConcurrentDictionary<ExchangeLog, byte> _logs = new(ReferenceEqualityComparer.Instance);

    /// <summary>Notes that <paramref name="log"/> is recorded into.</summary>
    public void Note(ExchangeLog log) => _logs.TryAdd(log, 0);

    /// <summary>
    /// The exchanges of the log holding the earliest exchange that <paramref name="mentions"/> (all of them: the shared
    /// account's registration takes both its UIA legs), or none when no exchange does.
    /// </summary>
    public IReadOnlyCollection<Exchange> OriginOf(Func<Exchange, bool> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var earliest = _logs.Keys
            .Select(log => (Log: log, First: log.Exchanges.FirstOrDefault(mentions)))
            .Where(l => l.First is not null)
            .MinBy(l => l.First!.StartedAt);
        return earliest.Log?.Exchanges ?? [];
    }
}
