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

    private static readonly OncePerRun<MatrixResponse> UnknownRefreshToken = new(client => client.PostRefreshAsync("not-a-refresh-token-" + client.Fake.DeviceId()));

    /// <summary>
    /// A refresh token used twice before anything it returned is used, then succeeded by using the newest refresh token
    /// (never an access token), then tried once more: the two grace tests judge the one chain. A server that does not
    /// rotate returns no new refresh token, and the chain stops there.
    /// </summary>
    private static readonly OncePerRun<(MatrixResponse First, MatrixResponse Again, MatrixResponse? NewestUsed, MatrixResponse? OldAfterNewUsed)> UsedTwiceThenSucceeded = new(async client =>
    {
        var session = await client.RefreshableSessionAsync();
        var first = await client.PostRefreshAsync(session.RefreshToken!);
        var again = await client.PostRefreshAsync(session.RefreshToken!);
        // The newest pair is the one a client keeps; the first pair's refresh token stands in when the second refresh was refused.
        if ((again.StringField("refresh_token") ?? first.StringField("refresh_token")) is not { } newest)
        {
            return (first, again, null, null);
        }

        var newestUsed = await client.PostRefreshAsync(newest);
        return (first, again, newestUsed, await client.PostRefreshAsync(session.RefreshToken!));
    });

    [Test, Requirement("REG-REFRESH", Quote = "If true, the client supports refresh tokens.")]
    public async Task Registration_with_refresh_token_true_returns_a_refresh_token()
    {
        await Client.RequireAsync(Feature.RefreshTokens);

        var account = await Client.RegisterAsync(new() { RefreshToken = true });

        RefreshTokenAnswers.NoVerdictWithoutOne(account.Response, "registration");
        // expires_in_ms is optional, but an integer when sent.
        account.Response.Should().HaveNonEmptyStringField("refresh_token").And.HaveIntegerFieldIfAny("expires_in_ms");
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
        whoami.NeededStatus(200, "REFRESH-OK", "a refreshed access token that works").NamingUserAndDevice();

        whoami.Should().HaveStringField("device_id", session.DeviceId);
    }

    [Test, Requirement("REFRESH-ROTATE", Quote = "The old refresh token remains valid until")]
    public async Task A_rotated_refresh_token_dies_once_the_new_access_token_is_used()
    {
        var session = await Client.RefreshableSessionAsync();
        var refreshed = await Client.PostRefreshAsync(session.RefreshToken!);
        RequireRotation(refreshed);
        (await Client.GetWhoAmIAsync(refreshed.StringField("access_token"))).NeededStatus(200, "REFRESH-OK", "the new access token used");

        var reuse = await Client.PostRefreshAsync(session.RefreshToken!);

        // Dead is refused; how an unknown refresh token is refused is REFRESH-UNKNOWN's check.
        reuse.Should().BeARefusal();
    }

    [Test, Requirement("REFRESH-ROTATE", Quote = "The old refresh token remains valid until the new access token or refresh token is used")]
    public async Task A_rotated_refresh_token_still_works_until_the_new_pair_is_used()
    {
        var (first, again, _, _) = await Client.OnceAsync(UsedTwiceThenSucceeded);
        RequireRotation(first);

        again.Should().HaveStatus(200).And.HaveNonEmptyStringField("access_token");
    }

    [Test, Requirement("REFRESH-ROTATE", Quote = "at which point the old refresh token is revoked")]
    public async Task Using_the_new_refresh_token_revokes_the_one_it_replaced()
    {
        var (first, _, newestUsed, oldAfterNewUsed) = await Client.OnceAsync(UsedTwiceThenSucceeded);
        RequireRotation(first);
        newestUsed!.NeededStatus(200, "REFRESH-OK", "a refresh with the newest refresh token");

        oldAfterNewUsed!.Should().BeARefusal();
    }

    [Test, Requirement("REFRESH-UNKNOWN", Quote = "The provided token was unknown")]
    public async Task An_unknown_refresh_token_is_refused_with_401()
    {
        var response = await UnknownRefreshTokenAsync();

        response.Should().HaveStatus(401);
    }

    [Test, Requirement("REFRESH-UNKNOWN", RequirementLevel.Should, Quote = "The access or refresh token specified was not recognised.")]
    public async Task An_unknown_refresh_token_is_refused_with_M_UNKNOWN_TOKEN()
    {
        var response = await UnknownRefreshTokenAsync();

        response.Should().HaveErrCode(ErrCode.UnknownToken);
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
        await RefreshWorksAsync();
        var session = await Client.RefreshableSessionAsync();
        (await Client.PostLogoutAsync(session.AccessToken)).NeededStatus(200, "LOGOUT-KILLS", "a logout of the session");

        var response = await Client.PostRefreshAsync(session.RefreshToken!);

        // Dead is refused; how an unknown refresh token is refused is REFRESH-UNKNOWN's check.
        response.Should().BeARefusal();
    }

    /// <summary>The answer to an unknown refresh token, on a server whose refresh works: the status and the errcode tests both read it.</summary>
    private async Task<MatrixResponse> UnknownRefreshTokenAsync()
    {
        await Client.RequireAsync(Feature.RefreshTokens);
        await RefreshWorksAsync();
        return await Client.OnceAsync(UnknownRefreshToken);
    }

    /// <summary>The step a check of a refused refresh stands on: a refresh of a fresh session works at all (REFRESH-OK judges it).</summary>
    private async Task RefreshWorksAsync() =>
        (await Client.OnceAsync(RefreshedOnce)).Whoami.NeededStatus(200, "REFRESH-OK", "a refreshed access token that works");

    /// <summary>Rotation is optional: without a new refresh token the old one legitimately lives on, so a rotation rule has nothing to check.</summary>
    private static void RequireRotation(MatrixResponse refreshed)
    {
        refreshed.NeededStatus(200, "REFRESH-OK", "a refresh");
        if (!refreshed.HasField("refresh_token"))
        {
            throw NotJudgedReasons.NothingToCheckUnderServersChoice.Exception(
                "The server does not rotate refresh tokens (no new refresh_token from /refresh), so there is no old token to revoke.\n" + refreshed.Exchange.Describe());
        }
    }
}
