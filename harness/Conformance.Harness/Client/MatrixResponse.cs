using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Harness.Client;

/// <summary>What the server answered to one request. Never judges: assertions do that.</summary>
public sealed class MatrixResponse
{
    private readonly Lazy<JsonNode?> _json;

    /// <summary>Creates a response from what was read off the wire.</summary>
    public MatrixResponse(int statusCode, IReadOnlyDictionary<string, string> headers, string bodyText, Exchange exchange)
    {
        StatusCode = statusCode;
        Headers = headers;
        BodyText = bodyText;
        Exchange = exchange;
        _json = new Lazy<JsonNode?>(() => ParseOrNull(bodyText));
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Response and content headers, case-insensitive by name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body as text, unredacted (tests need the real tokens); reports use <see cref="Exchange"/>.</summary>
    public string BodyText { get; }

    /// <summary>The recorded, redacted form of the request and this response.</summary>
    public Exchange Exchange { get; }

    /// <summary>The body parsed as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json => _json.Value;

    /// <summary>The body when it is a JSON object, else null.</summary>
    public JsonObject? Body => Json as JsonObject;

    /// <summary>The <c>errcode</c> of a Matrix error body, or null.</summary>
    public string? ErrCode => StringField("errcode");

    /// <summary>The media type of <c>Content-Type</c> without parameters, lower-cased, or null.</summary>
    public string? MediaType =>
        Headers.TryGetValue("Content-Type", out var value) && MediaTypeHeaderValue.TryParse(value, out var parsed)
            ? parsed.MediaType?.ToLowerInvariant()
            : null;

    /// <summary>"HTTP 400 with errcode M_X" (or "with no errcode"), for messages.</summary>
    public string Summary => $"HTTP {StatusCode} " + (ErrCode is { } errcode ? $"with errcode {errcode}" : "with no errcode");

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

    private static JsonNode? ParseOrNull(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            // Materialise objects now so duplicate keys count as "not JSON" instead of throwing later.
            if (node is JsonObject obj)
            {
                _ = obj.ContainsKey(string.Empty);
            }

            return node;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
    }
}
