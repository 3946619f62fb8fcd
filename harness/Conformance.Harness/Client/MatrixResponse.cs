using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Harness.Client;

/// <summary>What the server answered to one request. Never judges: assertions do that.</summary>
public sealed class MatrixResponse
{
    // Parsed on first use, once: a test that only looks at the status never pays for it.
    private ParsedBody? _parsed;

    /// <summary>Creates a response from what was read off the wire.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">Response and content headers.</param>
    /// <param name="bodyText">The body as text.</param>
    /// <param name="bodyProblem">Why the body cannot be read as JSON, in a maintainer's words; null when it can (or is empty).</param>
    /// <param name="exchange">The recorded exchange.</param>
    public MatrixResponse(int statusCode, IReadOnlyDictionary<string, string> headers, string bodyText, string? bodyProblem, Exchange exchange)
    {
        StatusCode = statusCode;
        Headers = headers;
        BodyText = bodyText;
        BodyProblem = bodyProblem;
        Exchange = exchange;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Response and content headers, case-insensitive by name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body as text, unredacted (tests need the real tokens); reports use <see cref="Exchange"/>.</summary>
    public string BodyText { get; }

    /// <summary>
    /// Why the body cannot be read as JSON ("the body repeats the key \"errcode\"", "the body is not valid UTF-8", ...),
    /// or null when it is JSON or empty. When set, <see cref="Json"/> is null.
    /// </summary>
    public string? BodyProblem { get; }

    /// <summary>The recorded, redacted form of the request and this response.</summary>
    public Exchange Exchange { get; }

    /// <summary>The body parsed as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            // Two readers racing may both parse; only the first tree is kept, so every reader sees the same one.
            if (Volatile.Read(ref _parsed) is null)
            {
                Interlocked.CompareExchange(ref _parsed, new ParsedBody(BodyProblem is null ? ParseOrNull(BodyText) : null), null);
            }

            return _parsed!.Node;
        }
    }

    /// <summary>The body when it is a JSON object, else null.</summary>
    public JsonObject? Body => Json as JsonObject;

    /// <summary>The <c>errcode</c> of a Matrix error body, or null.</summary>
    public string? ErrCode => StringField("errcode");

    /// <summary>The media type of <c>Content-Type</c> without parameters, lower-cased, or null.</summary>
    public string? MediaType =>
        Headers.TryGetValue("Content-Type", out var value) && MediaTypeHeaderValue.TryParse(value, out var parsed)
            ? parsed.MediaType?.ToLowerInvariant()
            : null;

    /// <summary>
    /// "HTTP 400 with errcode M_X" (or "with no errcode", then what is wrong with the body, if anything), or for a
    /// redirect where it pointed, for messages.
    /// </summary>
    public string Summary => IsRedirect
        ? $"HTTP {StatusCode}: the server redirected to {RedirectTarget} (not followed: the suite sends every request, "
            + "and its credentials, only to the server under test)"
        : $"HTTP {StatusCode} " + (ErrCode is { } errcode ? $"with errcode {errcode}" : "with no errcode")
            + (BodyProblem is { } problem ? $" ({problem})" : string.Empty);

    /// <summary>Whether the status is a 3xx redirect (never followed).</summary>
    public bool IsRedirect => StatusCode is >= 300 and < 400;

    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>A top-level string field, or null when absent or not a string.</summary>
    public string? StringField(string name) =>
        Body?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A top-level whole-number field, or null when absent or not an integer.</summary>
    public long? IntegerField(string name) =>
        Body?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number)
            ? number
            : null;

    /// <summary>Whether the top-level field is present at all (any type, including null).</summary>
    public bool HasField(string name) => Body?.ContainsKey(name) ?? false;

    // Where it pointed as recorded, secret query values redacted: a redirect can echo the request's access_token.
    private string RedirectTarget =>
        Exchange.Response?.Headers.GetValueOrDefault("Location") ?? "nowhere (no Location header)";

    private static JsonNode? ParseOrNull(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // The transport vouches for the body it passes without a problem; a response built by other hands still
            // reads as "not JSON" instead of throwing.
            return null;
        }
    }

    private sealed record ParsedBody(JsonNode? Node);
}
