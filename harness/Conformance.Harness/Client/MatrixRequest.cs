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

    /// <summary>A request with no body.</summary>
    public static MatrixRequest Bodiless(HttpMethod method, string path, string? accessToken = null) =>
        new() { Method = method, Path = path, AccessToken = accessToken };
}
