namespace Conformance.Harness.OAuth;

/// <summary>A client the server registered: the <c>client_id</c> it allocated and the redirect URI the client registered.</summary>
/// <param name="ClientId">The allocated client ID (not a secret: public clients have none).</param>
/// <param name="RedirectUri">The one redirect URI the harness registers for its clients.</param>
public sealed record RegisteredOAuthClient(string ClientId, string RedirectUri);
