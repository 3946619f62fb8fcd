using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.Harness.Client;

/// <summary>One HTTP request to the server under test, before it is sent.</summary>
public sealed record MatrixRequest
{
    /// <summary>The HTTP method.</summary>
    public required HttpMethod Method { get; init; }

    /// <summary>The path from the server's root, e.g. <c>/_matrix/client/v3/register</c>, already escaped.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// Where to send the request when not to the server under test (e.g. <c>https://account.example.com</c>): an
    /// endpoint its OAuth 2.0 server metadata names on another host. Null: the server's own origin.
    /// </summary>
    public Uri? Origin { get; init; }

    /// <summary>Query parameters, unescaped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>The body bytes, or null for none.</summary>
    public byte[]? Content { get; init; }

    /// <summary>The body's media type, when there is a body.</summary>
    public string? ContentType { get; init; }

    /// <summary>Sent as <c>Authorization: Bearer</c> when set.</summary>
    public string? AccessToken { get; init; }

    /// <summary>When false, a 429 is returned as it is instead of being waited out and retried.</summary>
    public bool RetryRateLimits { get; init; } = true;

    /// <summary>A request with a JSON body.</summary>
    public static MatrixRequest Json(HttpMethod method, string path, JsonNode body, string? accessToken = null) => new()
    {
        Method = method,
        Path = path,
        Content = Encoding.UTF8.GetBytes(body.ToJsonString()),
        ContentType = "application/json",
        AccessToken = accessToken,
    };

    /// <summary>A request with an <c>application/x-www-form-urlencoded</c> body, as OAuth 2.0 endpoints take them.</summary>
    public static MatrixRequest Form(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>> fields) => new()
    {
        Method = method,
        Path = path,
        Content = Encoding.ASCII.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"))),
        ContentType = FormContentType,
    };

    /// <summary>The media type of form bodies.</summary>
    public const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>A request with no body.</summary>
    public static MatrixRequest Bodiless(HttpMethod method, string path, string? accessToken = null) =>
        new() { Method = method, Path = path, AccessToken = accessToken };
}
