using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Harness.RateLimits;

/// <summary>Reads how long a 429 asks the client to wait.</summary>
/// <remarks>
/// https://spec.matrix.org/v1.19/client-server-api/#rate-limiting: <c>Retry-After</c> (seconds, since v1.10) is the
/// current way; <c>retry_after_ms</c> in the body is deprecated but still sent by servers. The header wins, except
/// that a <c>retry_after_ms</c> within the header's whole second is the same wait said more precisely (Synapse rounds
/// the milliseconds up to the header's seconds), and waiting it instead saves up to a second on every 429.
/// </remarks>
public static class RetryAfter
{
    /// <summary>The requested wait, or null when the response names none.</summary>
    public static TimeSpan? Of(IReadOnlyDictionary<string, string> headers, JsonNode? body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var milliseconds = Milliseconds(body);
        if (headers.TryGetValue("Retry-After", out var header))
        {
            if (int.TryParse(header.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                var wait = TimeSpan.FromSeconds(seconds);
                return milliseconds is { } precise && precise <= wait && precise > wait - TimeSpan.FromSeconds(1) ? precise : wait;
            }

            if (DateTimeOffset.TryParse(header, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return milliseconds;
    }

    private static TimeSpan? Milliseconds(JsonNode? body) =>
        body is JsonObject obj && obj["retry_after_ms"] is JsonValue value
            && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var ms) && ms >= 0
            ? TimeSpan.FromMilliseconds(ms)
            : null;
}
