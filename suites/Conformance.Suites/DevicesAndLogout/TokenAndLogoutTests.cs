namespace Conformance.Suites.DevicesAndLogout;

/// <summary>Access tokens on authenticated endpoints, whoami, and logout.</summary>
public sealed class TokenAndLogoutTests : ConformanceTest
{
    /// <summary>
    /// A fresh account logged out by POST /logout without a body, as a client may send it, then its token tried: one
    /// test judges the logout's answer (LOGOUT-NO-BODY), one the token. A server that refuses the empty body is sent
    /// <c>{}</c> next, so the token's fate is still judged.
    /// </summary>
    private static readonly OncePerRun<(MatrixResponse WithoutBody, MatrixResponse TokenAfter)> LoggedOut =
        LoggedOutWithoutBody(AccountUse.OwnSessionsWithoutPassword, (client, token) => client.PostLogoutWithoutBodyAsync(token), (client, token) => client.PostLogoutAsync(token));

    /// <summary>The same for POST /logout/all: one test judges the answer, one the token that made the request.</summary>
    private static readonly OncePerRun<(MatrixResponse WithoutBody, MatrixResponse TokenAfter)> LoggedOutAll =
        LoggedOutWithoutBody(AccountUse.Whole, (client, token) => client.PostLogoutAllWithoutBodyAsync(token), (client, token) => client.PostLogoutAllAsync(token));

    /// <summary>The one request without a token that the status and the errcode tests both read.</summary>
    private static readonly OncePerRun<MatrixResponse> WithoutAToken = new(client => client.GetWhoAmIAsync(null));

    /// <summary>The one request with an unknown token that the status and the errcode tests both read.</summary>
    private static readonly OncePerRun<MatrixResponse> WithAnUnknownToken = new(async client =>
    {
        await client.AccessTokensAreReadAsync();
        return await client.GetWhoAmIAsync("not-a-token-" + client.Fake.DeviceId());
    });

    public static IEnumerable<TestCaseData> MissingAndUnknownTokens() =>
    [
        RefusalCase.Shared("no access token", WithoutAToken, (401, ErrCode.MissingToken)).ToTestCase(),
        RefusalCase.Shared("unknown access token", WithAnUnknownToken, (401, ErrCode.UnknownToken)).ToTestCase(),
    ];

    [TestCaseSource(nameof(MissingAndUnknownTokens))]
    [Requirement("TOKEN-MISSING", Quote = "The token is not recognised")]
    public async Task An_authenticated_endpoint_without_a_valid_token_is_refused_with_401(RefusalCase refusal)
    {
        var response = await refusal.Answer(Client);

        response.Should().HaveStatus(401);
    }

    [TestCaseSource(nameof(MissingAndUnknownTokens))]
    [Requirement("TOKEN-MISSING", RequirementLevel.Should, Quote = "When credentials are required but missing or invalid")]
    public async Task An_authenticated_endpoint_answers_M_MISSING_TOKEN_without_a_token_and_M_UNKNOWN_TOKEN_with_an_unknown_one(RefusalCase refusal)
    {
        var response = await refusal.Answer(Client);

        response.Should().HaveErrCode(refusal.ErrCodes);
    }

    [Test, Requirement("TOKEN-HEADER", Quote = "Access tokens may be provided via a request header")]
    public async Task An_access_token_in_the_Authorization_Bearer_header_is_accepted()
    {
        var response = (await Client.SharedTokenWhoAmIAsync()).WhoAmI;

        response.Should().HaveStatus(200);
    }

    [Test, Requirement("WHOAMI-FIELDS")]
    public async Task Whoami_answers_user_id_and_device_id()
    {
        var account = await Client.SharedAccountAsync();

        var response = await Client.GetWhoAmIAsync(account.AccessToken);

        response.Should().HaveStatus(200).And.HaveStringField("user_id", account.UserId.Value).And.HaveNonEmptyStringField("device_id");
    }

    [Test, Requirement("LOGOUT-KILLS", Quote = "Invalidates an existing access token")]
    public async Task Logout_invalidates_the_access_token()
    {
        var (_, response) = await Client.OnceAsync(LoggedOut);

        // A dead token is refused; how an unknown token is refused is TOKEN-MISSING's check.
        response.Should().BeARefusal();
    }

    [Test, Requirement("LOGOUT-KILLS", Quote = "Invalidates an existing access token")]
    public async Task Logout_deletes_the_device()
    {
        var (account, login, before, after) = await Client.OnceAsync(SharedSessions.FirstSessionLoggedOut);
        login.AsPasswordLogin();
        before!.AsDevice(account.DeviceId!);

        // Gone is not answered as the device; that an unknown device is a 404 is DEVICES-GET's check.
        after!.Should().NotBeTheDevice(account.DeviceId!);
    }

    [Test, Requirement("LOGOUT-KILLS", Quote = "Invalidates all access tokens for a user")]
    public async Task Logout_all_invalidates_every_token_of_the_user()
    {
        var (_, second, _) = await Client.OnceAsync(SharedSessions.LoggedOutEverywhere);

        var response = await Client.GetWhoAmIAsync(second.AccessToken);

        // A dead token is refused; how an unknown token is refused is TOKEN-MISSING's check.
        response.Should().BeARefusal();
    }

    [Test, Requirement("LOGOUT-KILLS", Quote = "This includes the access token that made this request.")]
    public async Task Logout_all_invalidates_the_token_that_made_the_request()
    {
        var (_, response) = await Client.OnceAsync(LoggedOutAll);

        // A dead token is refused; how an unknown token is refused is TOKEN-MISSING's check.
        response.Should().BeARefusal();
    }

    [Test, Requirement("LOGOUT-KILLS", Quote = "All devices for the user are also deleted.")]
    public async Task Logout_all_deletes_every_device_of_the_user()
    {
        var (_, _, afterwards) = await Client.OnceAsync(SharedSessions.LoggedOutEverywhere);
        var after = LoginSession.From(afterwards.Login.AsPasswordLogin())!;

        var devices = await Client.DevicesListingItsOwnAsync(after);

        devices.Should().ListExactlyTheDevices(after.DeviceId);
    }

    [Test, Requirement("LOGOUT-NO-BODY", Quote = "which take an empty request body")]
    public async Task Logout_accepts_a_request_without_a_body()
    {
        var (response, _) = await Client.OnceAsync(LoggedOut);

        response.Should().HaveStatus(200);
    }

    [Test, Requirement("LOGOUT-NO-BODY", Quote = "which take an empty request body")]
    public async Task Logout_all_accepts_a_request_without_a_body()
    {
        var (response, _) = await Client.OnceAsync(LoggedOutAll);

        response.Should().HaveStatus(200);
    }

    private static OncePerRun<(MatrixResponse WithoutBody, MatrixResponse TokenAfter)> LoggedOutWithoutBody(
        AccountUse use, Func<MatrixClient, string?, Task<MatrixResponse>> withoutBody, Func<MatrixClient, string?, Task<MatrixResponse>> withEmptyObject) => new(async client =>
    {
        var account = await client.AccountAsync(use);
        var first = await withoutBody(client, account.AccessToken);
        if (first.StatusCode != 200)
        {
            await withEmptyObject(client, account.AccessToken);
        }

        return (first, await client.GetWhoAmIAsync(account.AccessToken));
    });
}
