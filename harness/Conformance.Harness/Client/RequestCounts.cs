using System.Collections.Concurrent;
using System.Globalization;

namespace Conformance.Harness.Client;

/// <summary>How many requests a run sent, per endpoint family, and how many came back 429.</summary>
public sealed class RequestCounts
{
    private readonly ConcurrentDictionary<string, int> _byFamily = new(StringComparer.Ordinal);
    private int _rateLimited;

    /// <summary>Counts one request sent to <paramref name="family"/>.</summary>
    public void Sent(string family) => _byFamily.AddOrUpdate(family, 1, (_, n) => n + 1);

    /// <summary>Counts one 429 answer.</summary>
    public void RateLimited() => Interlocked.Increment(ref _rateLimited);

    /// <summary>Requests sent to <paramref name="family"/> so far.</summary>
    public int Of(string family) => _byFamily.GetValueOrDefault(family);

    /// <summary>One line for the end of a run: <c>412 requests (register 160, login 75, refresh 9, other 168); 0 answered 429</c>.</summary>
    public string Describe()
    {
        var families = _byFamily.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} {f.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{_byFamily.Values.Sum()} requests ({string.Join(", ", families)}); {Volatile.Read(ref _rateLimited)} answered 429");
    }
}
