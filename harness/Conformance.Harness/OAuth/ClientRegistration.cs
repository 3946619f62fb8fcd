using System.Text.Json.Nodes;

namespace Conformance.Harness.OAuth;

/// <summary>The client metadata of one dynamic client registration: a public client of the authorization code grant.</summary>
/// <param name="ApplicationType"><c>web</c> or <c>native</c>.</param>
/// <param name="RedirectUri">The one redirect URI to register.</param>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#client-metadata</remarks>
public sealed record ClientRegistration(string ApplicationType, string RedirectUri)
{
    private static readonly string[] ResponseTypes = ["code"];
    private static readonly string[] GrantTypes = ["authorization_code", "refresh_token"];

    /// <summary>A web client registering <paramref name="redirectUri"/>.</summary>
    public static ClientRegistration Web(string redirectUri) => new("web", redirectUri);

    /// <summary>A native client registering <paramref name="redirectUri"/>.</summary>
    public static ClientRegistration Native(string redirectUri) => new("native", redirectUri);

    /// <summary>RFC 8628's grant type, which a client registers to use the device authorization grant.</summary>
    public const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>Whether the grant types also list RFC 8628's device authorization grant.</summary>
    public bool GrantsDeviceCode { get; init; }

    /// <summary>The same registration with the device authorization grant beside the spec's grants.</summary>
    public ClientRegistration WithDeviceCodeGrant() => this with { GrantsDeviceCode = true };

    /// <summary>Whether the response and grant types also list a value no server understands.</summary>
    public bool ListsUnknownTypes { get; init; }

    /// <summary>The same registration with a response type and a grant type no server understands, beside the spec's.</summary>
    public ClientRegistration WithUnknownTypes() => this with { ListsUnknownTypes = true };

    /// <summary>The JSON body of the registration request.</summary>
    public JsonObject ToJson()
    {
        string[] unknown = ListsUnknownTypes ? [AuthorizationRequest.Unsupported] : [];
        return new()
        {
            ["client_name"] = "Matrix conformance suite",
            ["client_uri"] = RedirectUris.ClientUri,
            ["application_type"] = ApplicationType,
            ["token_endpoint_auth_method"] = "none",
            ["redirect_uris"] = new JsonArray(RedirectUri),
            ["response_types"] = Array(ResponseTypes.Concat(unknown)),
            ["grant_types"] = Array(GrantTypes.Concat(GrantsDeviceCode ? [DeviceCodeGrant] : []).Concat(unknown)),
        };
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
