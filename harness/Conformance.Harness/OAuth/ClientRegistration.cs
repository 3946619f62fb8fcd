using System.Text.Json.Nodes;

namespace Conformance.Harness.OAuth;

/// <summary>The client metadata of one dynamic client registration: a public client of the authorization code grant.</summary>
/// <param name="ApplicationType"><c>web</c> or <c>native</c>.</param>
/// <param name="RedirectUri">The one redirect URI to register.</param>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#client-metadata</remarks>
public sealed record ClientRegistration(string ApplicationType, string RedirectUri)
{
    /// <summary>A web client registering <paramref name="redirectUri"/>.</summary>
    public static ClientRegistration Web(string redirectUri) => new("web", redirectUri);

    /// <summary>A native client registering <paramref name="redirectUri"/>.</summary>
    public static ClientRegistration Native(string redirectUri) => new("native", redirectUri);

    /// <summary>The JSON body of the registration request.</summary>
    public JsonObject ToJson() => new()
    {
        ["client_name"] = "Matrix conformance suite",
        ["client_uri"] = RedirectUris.ClientUri,
        ["application_type"] = ApplicationType,
        ["token_endpoint_auth_method"] = "none",
        ["redirect_uris"] = new JsonArray(RedirectUri),
        ["response_types"] = new JsonArray("code"),
        ["grant_types"] = new JsonArray("authorization_code", "refresh_token"),
    };
}
