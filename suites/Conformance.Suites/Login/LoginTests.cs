using Conformance.Suites.DevicesAndLogout;
using System.Text.Json.Nodes;

namespace Conformance.Suites.Login;

/// <summary>GET /login and POST /login with m.login.password.</summary>
public sealed class LoginTests : ConformanceTest
{
    /// <summary>
    /// A fresh account registered with a device name, its device read back, then logged in again naming its device and
    /// another name: one test judges the device's old token, one its name (standing on the name read back first).
    /// </summary>
    private static readonly OncePerRun<(RegisteredAccount Account, string FirstName, MatrixResponse FirstRead, LoginSession Again)> KnownDeviceLoggedInAgain = new(async client =>
    {
        var firstName = client.Fake.DeviceDisplayName();
        var account = await client.AccountAsync(AccountUse.OwnSessions, new() { InitialDeviceDisplayName = firstName });
        var firstRead = await client.GetDeviceAsync(account.AccessToken, account.DeviceId!);
        var again = await client.LogInAgainAsync(account, deviceId: account.DeviceId, displayName: client.Fake.DeviceDisplayName());
        return (account, firstName, firstRead, again);
    });

    /// <summary>A password login of a user the server does not know, once per run: the status and the errcode tests both read it.</summary>
    private static readonly OncePerRun<MatrixResponse> UnknownUserLogin = new(async client =>
    {
        await client.RequireAsync(Feature.PasswordLogin);
        return await client.LogInWithPasswordAsync(client.Fake.Localpart(), client.Fake.Password());
    });

    [Test, Requirement("LOGIN-FLOWS")]
    public async Task Get_login_lists_flows_each_with_a_type()
    {
        await Client.RequireAsync(Feature.LegacyLogin);

        var response = await Client.GetLoginFlowsAsync();

        response.Should().HaveStatus(200).And.HaveLoginFlowsWithTypes();
    }

    [Test, Requirement("LOGIN-PASSWORD", Quote = "The user has been authenticated.")]
    public async Task Password_login_by_full_user_ID_answers_access_token_device_id_and_user_id()
    {
        var (account, login, _) = await Client.SharedPasswordLoginAsync();

        login.Should().HaveStatus(200)
            .And.HaveStringField("user_id", account.UserId.Value)
            .And.HaveNonEmptyStringField("access_token")
            .And.HaveNonEmptyStringField("device_id");
    }

    [Test, Requirement("LOGIN-REFRESH")]
    public async Task Login_with_refresh_token_true_returns_a_refresh_token()
    {
        await Client.RequireAsync(Feature.RefreshTokens);

        var (_, answer, _) = await Client.SharedPasswordLoginAsync();
        var login = answer.AsPasswordLogin();

        RefreshTokens.RefreshTokenAnswers.NoVerdictWithoutOne(login, "login");
        // expires_in_ms is optional ("if not given, the client can assume that the access token will not expire").
        login.Should().HaveNonEmptyStringField("refresh_token").And.HaveIntegerFieldIfAny("expires_in_ms");
    }

    [Test, Requirement("LOGIN-PASSWORD", Quote = "The user has been authenticated.")]
    public async Task Password_login_by_localpart_answers_access_token_device_id_and_user_id()
    {
        var (account, _, logins) = await Client.OnceAsync(SharedSessions.LoggedOutEverywhere);
        var response = logins.ByLocalpart;

        response.Should().HaveStatus(200)
            .And.HaveStringField("user_id", account.UserId.Value)
            .And.HaveNonEmptyStringField("access_token")
            .And.HaveNonEmptyStringField("device_id");
    }

    [Test, Requirement("LOGIN-PASSWORD", Quote = "The user has been authenticated.")]
    public async Task Password_login_works_with_a_non_ASCII_password()
    {
        var (account, response, _, _) = await Client.OnceAsync(SharedSessions.FirstSessionLoggedOut);
        await Client.RequireOriginAsync(account.Origin, AccountOrigin.Registered);

        response.Should().HaveStatus(200).And.HaveStringField("user_id", account.UserId.Value);
    }

    public static IEnumerable<TestCaseData> RefusedLogins() =>
    [
        new RefusalCase("wrong password", client => client.WrongPasswordLoginAsync(), (403, ErrCode.Forbidden)).ToTestCase(),
        RefusalCase.Shared("unknown user", UnknownUserLogin, (403, ErrCode.Forbidden)).ToTestCase(),
    ];

    [TestCaseSource(nameof(RefusedLogins))]
    [Requirement("LOGIN-WRONG", Quote = "The login attempt failed.")]
    public async Task A_wrong_password_or_an_unknown_user_is_refused_with_403(RefusalCase refusal)
    {
        var response = await refusal.Answer(Client);

        response.Should().HaveStatus(403);
    }

    [TestCaseSource(nameof(RefusedLogins))]
    [Requirement("LOGIN-WRONG", RequirementLevel.Should, Quote = "Forbidden access, e.g. joining a room without permission, failed login.")]
    public async Task A_wrong_password_or_an_unknown_user_is_refused_with_M_FORBIDDEN(RefusalCase refusal)
    {
        var response = await refusal.Answer(Client);

        response.Should().HaveErrCode(refusal.ErrCodes);
    }

    /// <remarks>Only the status is the rule: the errcode of a 403 from /login is M_FORBIDDEN in the schema's list, which the LOGIN-WRONG tests judge.</remarks>
    [Test, Requirement("LOGIN-3PID-UNKNOWN", Quote = "the homeserver must respond with `403 Forbidden`")]
    public async Task A_third_party_identifier_the_server_does_not_know_is_refused_with_403()
    {
        await Client.RequireAsync(Feature.PasswordLogin);
        await Client.LoginRefusalsAre403Async();

        var response = await Client.PostLoginAsync(LoginBodies.ThirdPartyPassword("email", Fake.UnownedEmailAddress(), Fake.Password()));

        response.Should().HaveStatus(403);
    }

    [Test, Requirement("LOGIN-DEVICE")]
    public async Task Login_without_device_id_generates_one_bound_to_the_token()
    {
        var (_, answer, sentAt) = await Client.SharedPasswordLoginAsync();
        var login = answer.AsPasswordLogin();

        var whoami = (await Client.GetWhoAmIAsync(login.StringField("access_token"))).NamingUserAndDevice();

        Expiry.NoVerdictIfUsedAfterExpiry(whoami, login.IntegerField("expires_in_ms"), sentAt, "access token");
        whoami.Should().HaveStatus(200).And.HaveStringField("device_id", login.StringField("device_id") ?? "(login returned none)");
    }

    [Test, Requirement("LOGIN-DEVICE", Quote = "ID of the logged-in device.")]
    public async Task Login_with_device_id_echoes_it()
    {
        await Client.RequireAsync(Feature.PasswordLogin);
        await Client.PasswordLoginsWorkAsync();
        var (_, _, afterwards) = await Client.OnceAsync(SharedSessions.LoggedOutEverywhere);

        afterwards.Login.Should().HaveStatus(200).And.HaveStringField("device_id", afterwards.DeviceId);
    }

    [Test, Requirement("LOGIN-TYPE-ADVERTISED", Quote = "the login type may not be recognised")]
    public async Task A_login_type_the_server_did_not_advertise_is_refused()
    {
        var account = await Client.SharedAccountAsync();

        var response = await Client.PostLoginAsync(PasswordLogin(account, new JsonObject { ["type"] = "org.example.not_advertised" }));

        response.Should().HaveStatus(400);
    }

    [Test, Requirement("LOGIN-DEVICE-REUSE", Quote = "the server will invalidate any access token previously assigned to that device")]
    public async Task A_login_naming_a_known_device_invalidates_its_earlier_token()
    {
        var (account, _, _, _) = await Client.OnceAsync(KnownDeviceLoggedInAgain);

        var whoami = await Client.GetWhoAmIAsync(account.AccessToken);

        // A dead token is refused; how an unknown token is refused is TOKEN-MISSING's check.
        whoami.Should().BeARefusal();
    }

    [Test, Requirement("LOGIN-DISPLAYNAME", Quote = "A display name to assign to the newly-created device.")]
    public async Task Initial_device_display_name_on_login_names_the_new_device()
    {
        var (_, _, afterwards) = await Client.OnceAsync(SharedSessions.LoggedOutEverywhere);
        var login = LoginSession.From(afterwards.Login.AsPasswordLogin())!;

        var device = await Client.DeviceAsync(login.AccessToken, login.DeviceId);

        device.Should().HaveStringField("display_name", afterwards.DisplayName);
    }

    [Test, Requirement("LOGIN-DISPLAYNAME", Quote = "Ignored if `device_id` corresponds to a known device.")]
    public async Task Initial_device_display_name_on_login_is_ignored_for_a_known_device()
    {
        var (account, firstName, firstRead, again) = await Client.OnceAsync(KnownDeviceLoggedInAgain);
        firstRead.AsDevice(account.DeviceId!).Named(firstName, "REG-DISPLAYNAME");

        var device = await Client.DeviceAsync(again.AccessToken, account.DeviceId!);

        device.Should().HaveStringField("display_name", firstName);
    }

    private JsonObject PasswordLogin(RegisteredAccount account, JsonObject overrides) =>
        LoginBodies.Password(account.UserId.Value, Client.PasswordOf(account)).With(overrides);
}
