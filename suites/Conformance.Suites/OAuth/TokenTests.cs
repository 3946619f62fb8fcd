namespace Conformance.Suites.OAuth;

/// <summary>The token endpoint's grants and the revocation endpoint, with codes and tokens the server never issued.</summary>
public sealed class TokenTests : ConformanceTest
{
    [Test, Requirement("OAUTH-TOKEN-UNKNOWN-CODE", Quote = "invalid_grant:")]
    public async Task An_authorization_code_the_server_never_issued_is_answered_400_invalid_grant()
    {
        var client = await Client.OAuth.SharedClientAsync();

        var response = await Client.OAuth.PostAuthorizationCodeAsync(client, Fake.UnissuedToken());

        response.Should().BeOAuthError(400, "invalid_grant");
    }

    [Test, Requirement("OAUTH-TOKEN-UNKNOWN-REFRESH", Quote = "invalid_grant:")]
    public async Task A_refresh_token_the_server_does_not_know_is_answered_400_invalid_grant()
    {
        var client = await Client.OAuth.SharedClientAsync();

        var response = await Client.OAuth.PostRefreshTokenAsync(client, Fake.UnissuedToken());

        response.Should().BeOAuthError(400, "invalid_grant");
    }

    [Test, Requirement("OAUTH-REVOKE-UNKNOWN", Quote = "If the token is already revoked or invalid")]
    public async Task Revoking_a_token_the_server_does_not_know_is_answered_200()
    {
        var client = await Client.OAuth.SharedClientAsync();

        var response = await Client.OAuth.PostRevocationAsync(client, Fake.UnissuedToken());

        response.Should().HaveStatus(200);
    }
}
