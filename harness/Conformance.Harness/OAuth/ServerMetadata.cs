using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Harness.Client;
using Conformance.Harness.Steps;
using NUnit.Framework;

namespace Conformance.Harness.OAuth;

/// <summary>The server's OAuth 2.0 authorization server metadata, as GET /auth_metadata answered it.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#server-metadata-discovery</remarks>
public sealed class ServerMetadata(MatrixResponse response)
{
    /// <summary>The answer the metadata came in.</summary>
    public MatrixResponse Response { get; } = response;

    /// <summary>The absolute http(s) URL in the field <paramref name="field"/>, e.g. <c>token_endpoint</c>.</summary>
    /// <exception cref="InconclusiveException">The metadata names no usable URL there (the metadata checks judge that).</exception>
    public Uri Endpoint(string field) =>
        Response.StringField(field) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw Blocked.Step("OAUTH-METADATA-REQUIRED", $"the endpoint {field}", $"the metadata's \"{field}\" to be an http(s) URL", "it is not", Response.Exchange);

    /// <summary>Whether the array field <paramref name="field"/> lists <paramref name="value"/>.</summary>
    public bool Lists(string field, string value) =>
        Response.Body?[field] is JsonArray values && values.Any(v => v?.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == value);
}
