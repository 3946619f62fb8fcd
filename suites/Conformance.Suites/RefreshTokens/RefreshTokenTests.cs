namespace Conformance.Suites.RefreshTokens;

/// <summary>Refresh tokens on registration and login, POST /refresh, rotation, expiry and soft logout.</summary>
public sealed class RefreshTokenTests : ConformanceTest
{
    /// <summary>A session that is refreshed once, then used: REFRESH-OK and REFRESH-DEVICE judge the one refresh.</summary>
    private static readonly OncePerRun<(LoginSession Session, MatrixResponse Whoami)> RefreshedOnce = new(async client =>
    {
        var session = await client.RefreshableSessionAsync();
        var refreshed = await client.PostRefreshAsync(session.RefreshToken!);
        return (session, await client.GetWhoAmIAsync(refreshed.StringField("access_token")));
    });

    /// <summary>A session left alone until its access token expires: the two expiry tests judge the one answer.</summary>
    private static readonly OncePerRun<MatrixResponse> AfterExpiry = new(async client =>
    {
        var session = await client.RefreshableSessionAsync();
        await Expiry.WaitOutAsync(session.ExpiresInMs, "access token");
        return await client.GetWhoAmIAsync(session.AccessToken);
    });

    [Test, Requirement("REG-REFRESH", Quote = "If true, the client supports refresh tokens.")]
    public async Task Registration_with_refresh_token_true_returns_a_refresh_token()
    {
        await Client.RequireAsync(Feature.RefreshTokens);

        var account = await Client.RegisterAsync(new() { RefreshToken = true });

        account.Response.Should().HaveNonEmptyStringField("refresh_token");
    }

    [Test, Requirement("REFRESH-OK")]
    public async Task Refresh_returns_an_access_token_that_works()
    {
        var (_, whoami) = await Client.OnceAsync(RefreshedOnce);

        whoami.Should().HaveStatus(200);
    }

    [Test, Requirement("REFRESH-DEVICE")]
    public async Task Refreshed_tokens_stay_on_the_original_device()
    {
        var (session, whoami) = await Client.OnceAsync(RefreshedOnce);

        whoami.Should().HaveStatus(200).And.HaveStringField("device_id", session.DeviceId);
    }

    [Test, Requirement("REFRESH-ROTATE", Quote = "The old refresh token remains valid until")]
    public async Task A_rotated_refresh_token_dies_once_the_new_access_token_is_used()
    {
        var session = await Client.RefreshableSessionAsync();
        var refreshed = await Client.PostRefreshAsync(session.RefreshToken!);
        if (!refreshed.HasField("refresh_token"))
        {
            // Rotation is optional: without a new refresh token the old one legitimately lives on.
            throw NotJudgedReasons.NothingToCheckUnderServersChoice.Exception(
                "The server does not rotate refresh tokens (no new refresh_token from /refresh), so there is no old token to revoke.\n" + refreshed.Exchange.Describe());
        }

        await Client.GetWhoAmIAsync(refreshed.StringField("access_token"));

        var reuse = await Client.PostRefreshAsync(session.RefreshToken!);

        reuse.Should().BeMatrixError(401, ErrCode.UnknownToken);
    }

    [Test, Requirement("REFRESH-UNKNOWN", Quote = "The provided token was unknown")]
    public async Task An_unknown_refresh_token_is_refused_with_M_UNKNOWN_TOKEN()
    {
        await Client.RequireAsync(Feature.RefreshTokens);

        var response = await Client.PostRefreshAsync("not-a-refresh-token-" + Fake.DeviceId());

        response.Should().BeMatrixError(401, ErrCode.UnknownToken);
    }

    [Test, Requirement("REFRESH-EXPIRY", Quote = "Any HTTP calls that use an expired access token")]
    public async Task An_expired_access_token_is_refused_with_M_UNKNOWN_TOKEN()
    {
        var response = await Client.OnceAsync(AfterExpiry);

        response.Should().BeMatrixError(401, ErrCode.UnknownToken);
    }

    [Test, Requirement("REFRESH-EXPIRY", RequirementLevel.Should, Quote = "Any HTTP calls that use an expired access token")]
    public async Task An_expired_access_token_is_answered_with_soft_logout_true()
    {
        var response = await Client.OnceAsync(AfterExpiry);

        response.Should().HaveStatus(401).And.HaveBoolField("soft_logout", true);
    }

    [Test, Requirement("REFRESH-LOGOUT")]
    public async Task After_logout_the_refresh_token_is_dead()
    {
        var session = await Client.RefreshableSessionAsync();
        await Client.PostLogoutAsync(session.AccessToken);

        var response = await Client.PostRefreshAsync(session.RefreshToken!);

        response.Should().BeMatrixError(401, ErrCode.UnknownToken);
    }
}
