namespace Conformance.Suites.DevicesAndLogout;

/// <summary>Access tokens on authenticated endpoints, whoami, and logout.</summary>
public sealed class TokenAndLogoutTests : ConformanceTest
{
    /// <summary>A fresh account with a second session, logged out everywhere by /logout/all from its first: two tests judge what is left.</summary>
    private static readonly OncePerRun<(RegisteredAccount Account, LoginSession Second)> LoggedOutEverywhere = new(async client =>
    {
        var account = await client.RegisterAsync();
        var second = await client.LogInAgainAsync(account);
        await client.PostLogoutAllAsync(account.AccessToken);
        return (account, second);
    });

    /// <summary>The one request without a token that the status and the errcode tests both read.</summary>
    private static readonly OncePerRun<MatrixResponse> WithoutAToken = new(client => client.GetWhoAmIAsync(null));

    /// <summary>The one request with an unknown token that the status and the errcode tests both read.</summary>
    private static readonly OncePerRun<MatrixResponse> WithAnUnknownToken = new(async client =>
    {
        await client.AccessTokensAreReadAsync();
        return await client.GetWhoAmIAsync("not-a-token-" + client.Fake.DeviceId());
    });

    [Test, Requirement("TOKEN-MISSING", Quote = "The token is not recognised")]
    public async Task An_authenticated_endpoint_without_a_token_is_refused_with_401()
    {
        var response = await Client.OnceAsync(WithoutAToken);

        response.Should().HaveStatus(401);
    }

    [Test, Requirement("TOKEN-MISSING", RequirementLevel.Should, Quote = "When credentials are required but missing or invalid")]
    public async Task An_authenticated_endpoint_without_a_token_answers_M_MISSING_TOKEN()
    {
        var response = await Client.OnceAsync(WithoutAToken);

        response.Should().HaveErrCode(ErrCode.MissingToken);
    }

    [Test, Requirement("TOKEN-MISSING", Quote = "The token is not recognised")]
    public async Task An_authenticated_endpoint_with_an_unknown_token_is_refused_with_401()
    {
        var response = await Client.OnceAsync(WithAnUnknownToken);

        response.Should().HaveStatus(401);
    }

    [Test, Requirement("TOKEN-MISSING", RequirementLevel.Should, Quote = "When credentials are required but missing or invalid")]
    public async Task An_authenticated_endpoint_with_an_unknown_token_answers_M_UNKNOWN_TOKEN()
    {
        var response = await Client.OnceAsync(WithAnUnknownToken);

        response.Should().HaveErrCode(ErrCode.UnknownToken);
    }

    [Test, Requirement("TOKEN-HEADER", Quote = "Access tokens may be provided via a request header")]
    public async Task An_access_token_in_the_Authorization_Bearer_header_is_accepted()
    {
        var (_, response) = await Client.SharedTokenWhoAmIAsync();

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
        var account = await Client.RegisterAsync();
        await Client.PostLogoutAsync(account.AccessToken);

        var response = await Client.GetWhoAmIAsync(account.AccessToken);

        // A dead token is refused; how an unknown token is refused is TOKEN-MISSING's check.
        response.Should().BeARefusal();
    }

    [Test, Requirement("LOGOUT-KILLS", Quote = "Invalidates an existing access token")]
    public async Task Logout_deletes_the_device()
    {
        var account = await Client.RegisterAsync();
        var other = await Client.LogInAgainAsync(account);
        await Client.DeviceAsync(other.AccessToken, account.DeviceId!);
        await Client.PostLogoutAsync(account.AccessToken);

        var device = await Client.GetDeviceAsync(other.AccessToken, account.DeviceId!);

        // Gone is not answered as the device; that an unknown device is a 404 is DEVICES-GET's check.
        device.Should().NotBeTheDevice(account.DeviceId!);
    }

    [Test, Requirement("LOGOUT-KILLS", Quote = "Invalidates all access tokens for a user")]
    public async Task Logout_all_invalidates_every_token_of_the_user()
    {
        var (_, second) = await Client.OnceAsync(LoggedOutEverywhere);

        var response = await Client.GetWhoAmIAsync(second.AccessToken);

        // A dead token is refused; how an unknown token is refused is TOKEN-MISSING's check.
        response.Should().BeARefusal();
    }

    [Test, Requirement("LOGOUT-KILLS", Quote = "This includes the access token that made this request.")]
    public async Task Logout_all_invalidates_the_token_that_made_the_request()
    {
        var account = await Client.RegisterAsync();
        await Client.PostLogoutAllAsync(account.AccessToken);

        var response = await Client.GetWhoAmIAsync(account.AccessToken);

        // A dead token is refused; how an unknown token is refused is TOKEN-MISSING's check.
        response.Should().BeARefusal();
    }

    [Test, Requirement("LOGOUT-KILLS", Quote = "All devices for the user are also deleted.")]
    public async Task Logout_all_deletes_every_device_of_the_user()
    {
        var (account, _) = await Client.OnceAsync(LoggedOutEverywhere);
        var after = await Client.LogInAgainAsync(account);

        var devices = await Client.DevicesListingItsOwnAsync(after);

        devices.Should().ListExactlyTheDevices(after.DeviceId);
    }

    [Test, Requirement("LOGOUT-NO-BODY", Quote = "which take an empty request body")]
    public async Task Logout_accepts_a_request_without_a_body()
    {
        var account = await Client.RegisterAsync();

        var response = await Client.PostLogoutWithoutBodyAsync(account.AccessToken);

        response.Should().HaveStatus(200);
    }

    [Test, Requirement("LOGOUT-NO-BODY", Quote = "which take an empty request body")]
    public async Task Logout_all_accepts_a_request_without_a_body()
    {
        var account = await Client.RegisterAsync();

        var response = await Client.PostLogoutAllWithoutBodyAsync(account.AccessToken);

        response.Should().HaveStatus(200);
    }
}
