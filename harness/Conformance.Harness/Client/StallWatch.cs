using NUnit.Framework;

namespace Conformance.Harness.Client;

/// <summary>
/// Which requests of a run got no answer in time, so a time-out that followed another is not blamed on its own test:
/// a server that hangs on one request (a malformed body, say) and holds a lock meanwhile stalls requests of other
/// tests behind it. The first request to time out fails its own test; a request sent while an earlier one was already
/// hanging, and that timed out too, ends its test not judged.
/// </summary>
internal sealed class StallWatch
{
    private readonly Lock _lock = new();
    private readonly List<(long StartedAt, Exchange Exchange)> _stalled = [];

    /// <summary>
    /// Records that the request started at <paramref name="startedAt"/> (a <see cref="System.Diagnostics.Stopwatch"/>
    /// timestamp) got no answer in time, and returns the exchange of an earlier-started request that got none either,
    /// if any: the stall this one most likely waited behind.
    /// </summary>
    public Exchange? Record(long startedAt, Exchange exchange)
    {
        lock (_lock)
        {
            var earlier = _stalled.Where(s => s.StartedAt < startedAt).Select(s => s.Exchange).FirstOrDefault();
            _stalled.Add((startedAt, exchange));
            return earlier;
        }
    }

    /// <summary>Ends the test not judged: its request timed out after <paramref name="earlier"/> had stalled the server.</summary>
    public static InconclusiveException Behind(Exchange exchange, Exchange earlier) =>
        Probes.NotJudgedReasons.ServerStalled.Exception(
            $"This request got no answer in time:\n{exchange.Describe()}while an earlier request, of another test, had got none either:\n{earlier.Describe()}");
}
