using System.Text.Json;
using Conformance.Harness.Client;
using Conformance.Harness.Probes;
using Conformance.Harness.Running;
using Conformance.Harness.Steps;
using NUnit.Framework;

namespace Conformance.Harness.OAuth;

/// <summary>
/// The OAuth 2.0 API's endpoints, found in the server metadata and called raw: metadata, client registration, the
/// authorization endpoint (its redirects never followed), the token and revocation endpoints. Nothing here judges an
/// answer; what a test leans on ends it Inconclusive when the server does not give it.
/// </summary>
/// <remarks>
/// Every request goes through the run's transport, recorded and redacted; the endpoints may be on another host than
/// the homeserver (an authentication service's). https://spec.matrix.org/v1.19/client-server-api/#oauth-20-api
/// </remarks>
public sealed class OAuthClient(MatrixClient client)
{
    private static readonly OncePerRun<MatrixResponse> Metadata = new(c => c.GetAuthMetadataAsync());

    /// <summary>One client for every test that only needs a client ID: each registration is a client the server keeps.</summary>
    private static readonly OncePerRun<RegisteredOAuthClient> SharedClient = new(c => c.OAuth.RegisterNativeClientAsync());

    /// <summary>One client that registered the device authorization grant, for the device checks.</summary>
    private static readonly OncePerRun<RegisteredOAuthClient> DeviceClient =
        new(c => c.OAuth.RegisterNativeClientAsync(ClientRegistration.Native(RedirectUris.Loopback).WithDeviceCodeGrant()));

    /// <summary>One device authorization request, whose answer the device checks share.</summary>
    private static readonly OncePerRun<MatrixResponse> DeviceAuthorization = new(async c => await c.OAuth.PostDeviceAuthorizationAsync(await c.OAuth.DeviceClientAsync()));

    /// <summary>The server metadata, fetched once per run.</summary>
    /// <exception cref="InconclusiveException">The server does not offer the OAuth 2.0 API.</exception>
    public async Task<ServerMetadata> MetadataAsync()
    {
        await client.RequireAsync(Feature.OAuthApi);
        return new(await client.OnceAsync(Metadata));
    }

    /// <summary>One dynamic client registration of <paramref name="registration"/> at the metadata's <c>registration_endpoint</c>.</summary>
    public async Task<MatrixResponse> PostClientRegistrationAsync(ClientRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var endpoint = (await MetadataAsync()).Endpoint("registration_endpoint");
        return await client.SendAsync(At(endpoint, MatrixRequest.Json(HttpMethod.Post, endpoint.AbsolutePath, registration.ToJson())));
    }

    /// <summary>The run's registered native client with the loopback redirect URI.</summary>
    /// <exception cref="InconclusiveException">The OAuth 2.0 API is not offered, or the registration gave no <c>client_id</c>.</exception>
    public Task<RegisteredOAuthClient> SharedClientAsync() => client.OnceAsync(SharedClient);

    /// <summary>The run's registered native client that also registered RFC 8628's device authorization grant.</summary>
    /// <exception cref="InconclusiveException">The server advertises no device authorization endpoint, or the registration gave no <c>client_id</c>.</exception>
    public async Task<RegisteredOAuthClient> DeviceClientAsync()
    {
        await client.RequireAsync(Feature.DeviceAuthorization);
        return await client.OnceAsync(DeviceClient);
    }

    /// <summary>The run's one device authorization request by the device client, and its answer.</summary>
    public Task<MatrixResponse> SharedDeviceAuthorizationAsync() => client.OnceAsync(DeviceAuthorization);

    /// <summary>The device code of <see cref="SharedDeviceAuthorizationAsync"/>.</summary>
    /// <exception cref="InconclusiveException">The answer gave no device code (the device authorization check judges it).</exception>
    public async Task<string> SharedDeviceCodeAsync()
    {
        var answer = await SharedDeviceAuthorizationAsync();
        return answer.IsSuccess && answer.StringField("device_code") is { Length: > 0 } code
            ? code
            : throw Blocked.Step("OAUTH-DEVICE-RESPONSE", "a device code", "a device authorization answer with a device_code", $"the server answered {answer.Summary}", answer.Exchange);
    }

    /// <summary>
    /// One device authorization request (RFC 8628 section 3.1) of <paramref name="registered"/> at the metadata's
    /// <c>device_authorization_endpoint</c>, for the Matrix scope with a fresh device ID.
    /// </summary>
    public async Task<MatrixResponse> PostDeviceAuthorizationAsync(RegisteredOAuthClient registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        var endpoint = (await MetadataAsync()).Endpoint("device_authorization_endpoint");
        var scope = AuthorizationRequest.ScopeFor(client.Fake.DeviceId());
        return await client.SendAsync(At(endpoint, MatrixRequest.Form(HttpMethod.Post, endpoint.AbsolutePath, [new("client_id", registered.ClientId), new("scope", scope)])));
    }

    /// <summary>The token request of the device authorization grant (RFC 8628 section 3.4): one poll with <paramref name="deviceCode"/>.</summary>
    public Task<MatrixResponse> PostDeviceCodeAsync(RegisteredOAuthClient registered, string deviceCode)
    {
        ArgumentNullException.ThrowIfNull(registered);
        return PostTokenAsync(new("grant_type", ClientRegistration.DeviceCodeGrant), new("device_code", deviceCode), new("client_id", registered.ClientId));
    }

    /// <summary>
    /// GET of the metadata's <c>authorization_endpoint</c> with <paramref name="request"/>'s query, as a browser opens it;
    /// a redirect is returned as it is.
    /// </summary>
    public async Task<MatrixResponse> GetAuthorizationAsync(AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endpoint = (await MetadataAsync()).Endpoint("authorization_endpoint");
        return await client.SendAsync(At(endpoint, MatrixRequest.Bodiless(HttpMethod.Get, endpoint.AbsolutePath) with { Query = request.ToQuery() }));
    }

    /// <summary>The token request of the authorization code grant, redeeming <paramref name="code"/> with a fresh verifier.</summary>
    public Task<MatrixResponse> PostAuthorizationCodeAsync(RegisteredOAuthClient registered, string code)
    {
        ArgumentNullException.ThrowIfNull(registered);
        return PostTokenAsync(
            new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", registered.RedirectUri),
            new("client_id", registered.ClientId), new("code_verifier", Pkce.NewVerifier()));
    }

    /// <summary>The token request of the refresh token grant with <paramref name="refreshToken"/>.</summary>
    public Task<MatrixResponse> PostRefreshTokenAsync(RegisteredOAuthClient registered, string refreshToken)
    {
        ArgumentNullException.ThrowIfNull(registered);
        return PostTokenAsync(new("grant_type", "refresh_token"), new("refresh_token", refreshToken), new("client_id", registered.ClientId));
    }

    /// <summary>One revocation request (RFC 7009) of <paramref name="token"/> at the metadata's <c>revocation_endpoint</c>.</summary>
    public async Task<MatrixResponse> PostRevocationAsync(RegisteredOAuthClient registered, string token)
    {
        ArgumentNullException.ThrowIfNull(registered);
        var endpoint = (await MetadataAsync()).Endpoint("revocation_endpoint");
        return await client.SendAsync(At(endpoint, MatrixRequest.Form(HttpMethod.Post, endpoint.AbsolutePath, [new("token", token), new("client_id", registered.ClientId)])));
    }

    private async Task<MatrixResponse> PostTokenAsync(params KeyValuePair<string, string>[] fields)
    {
        var endpoint = (await MetadataAsync()).Endpoint("token_endpoint");
        return await client.SendAsync(At(endpoint, MatrixRequest.Form(HttpMethod.Post, endpoint.AbsolutePath, fields)));
    }

    private async Task<RegisteredOAuthClient> RegisterNativeClientAsync(ClientRegistration? registration = null)
    {
        var response = await PostClientRegistrationAsync(registration ?? ClientRegistration.Native(RedirectUris.Loopback));
        // Any success with a client ID will do as a means; the 201 itself is judged by the registration checks.
        return response.IsSuccess && response.Body?["client_id"]?.GetValueKind() == JsonValueKind.String
            ? new RegisteredOAuthClient(response.StringField("client_id")!, RedirectUris.Loopback)
            : throw Blocked.Step("OAUTH-DCR-CREATED", "a registered OAuth 2.0 client", "a client registration answer with a string client_id", $"the server answered {response.Summary}", response.Exchange);
    }

    /// <summary>The request sent to <paramref name="endpoint"/>'s origin, with the endpoint's own query, if any, first.</summary>
    private static MatrixRequest At(Uri endpoint, MatrixRequest request) => request with
    {
        Origin = endpoint,
        Query = [.. QueryOf(endpoint), .. request.Query],
    };

    private static IEnumerable<KeyValuePair<string, string>> QueryOf(Uri endpoint) =>
        endpoint.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty));
}
