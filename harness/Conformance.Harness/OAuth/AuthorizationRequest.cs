namespace Conformance.Harness.OAuth;

/// <summary>The query of one authorization request of the authorization code grant, as the spec's login flow builds it.</summary>
/// <param name="ClientId">The registered client's ID.</param>
/// <param name="RedirectUri">Where the server is to send its answer.</param>
/// <param name="DeviceId">The device the scope allocates.</param>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#login-flow</remarks>
public sealed record AuthorizationRequest(string ClientId, string RedirectUri, string DeviceId)
{
    /// <summary>The <c>response_type</c>; <c>code</c> for the authorization code grant.</summary>
    public string ResponseType { get; init; } = "code";

    /// <summary>The <c>code_challenge_method</c>; the spec's is <c>S256</c>.</summary>
    public string CodeChallengeMethod { get; init; } = "S256";

    /// <summary>The <c>prompt</c>, e.g. <c>create</c>, or null for none.</summary>
    public string? Prompt { get; init; }

    /// <summary>The <c>state</c> the answer must carry back.</summary>
    public string State { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>A request of <paramref name="client"/> to its registered redirect URI.</summary>
    public static AuthorizationRequest Of(RegisteredOAuthClient client, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(client.ClientId, client.RedirectUri, deviceId);
    }

    /// <summary>The Matrix scope of a login: full client-server API access and the device <paramref name="deviceId"/>.</summary>
    /// <remarks>https://spec.matrix.org/v1.19/client-server-api/#scope</remarks>
    public static string ScopeFor(string deviceId) => $"urn:matrix:client:api:* urn:matrix:client:device:{deviceId}";

    /// <summary>A value no server supports, for the parameters the spec fixes (<c>org.example.unsupported</c>).</summary>
    public const string Unsupported = "org.example.unsupported";

    /// <summary>The same request asking for a response type the server does not support.</summary>
    public AuthorizationRequest WithUnsupportedResponseType() => this with { ResponseType = Unsupported };

    /// <summary>The same request with a code challenge method the server does not support.</summary>
    public AuthorizationRequest WithUnsupportedChallengeMethod() => this with { CodeChallengeMethod = Unsupported };

    /// <summary>The same request with <c>prompt=create</c>: the user desires to register a new account.</summary>
    public AuthorizationRequest AskingToCreateAnAccount() => this with { Prompt = "create" };

    /// <summary>The same request naming <paramref name="redirectUri"/> as its redirect URI.</summary>
    public AuthorizationRequest To(string redirectUri) => this with { RedirectUri = redirectUri };

    /// <summary>The query parameters, with a fresh PKCE challenge (the harness never redeems the code it might get).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToQuery()
    {
        List<KeyValuePair<string, string>> query =
        [
            new("response_type", ResponseType),
            new("client_id", ClientId),
            new("redirect_uri", RedirectUri),
            new("scope", ScopeFor(DeviceId)),
            new("state", State),
            new("response_mode", "query"),
            new("code_challenge", Pkce.ChallengeOf(Pkce.NewVerifier())),
            new("code_challenge_method", CodeChallengeMethod),
        ];
        if (Prompt is not null)
        {
            query.Add(new("prompt", Prompt));
        }

        return query;
    }
}
