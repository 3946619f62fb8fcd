using Conformance.Harness.Client;

namespace Conformance.Harness.Accounts;

/// <summary>The tokens one registration or login handed out for one device.</summary>
/// <param name="AccessToken">The access token.</param>
/// <param name="DeviceId">The device the token belongs to, as the answer named it.</param>
/// <param name="RefreshToken">The refresh token, or null when none was given.</param>
/// <param name="ExpiresInMs">The access token's announced lifetime, or null.</param>
/// <param name="Response">The answer that carried them.</param>
public sealed record LoginSession(string AccessToken, string DeviceId, string? RefreshToken, long? ExpiresInMs, MatrixResponse Response)
{
    /// <summary>The session in a 200 register or login answer, or null when it lacks an access token.</summary>
    public static LoginSession? From(MatrixResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode == 200 && response.StringField("access_token") is { } token
            ? new LoginSession(token, response.StringField("device_id") ?? string.Empty, response.StringField("refresh_token"), response.IntegerField("expires_in_ms"), response)
            : null;
    }
}
