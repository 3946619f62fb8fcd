namespace Conformance.Suites.Registration;

/// <summary>POST /register with kind=user: what a successful registration returns, and what it refuses.</summary>
public sealed class UserRegistrationTests : ConformanceTest
{
    /// <summary>
    /// An account registered with inhibit_login, asking for a refresh token too: two tests judge the answer, one logs
    /// the account in.
    /// </summary>
    private static readonly OncePerRun<RegisteredAccount> Inhibited = new(client => client.RegisterAsync(new() { InhibitLogin = true, RefreshToken = true }));

    [Test, Requirement("REG-DEVICE-GEN", Quote = "the server must auto-generate one")]
    public async Task Registration_without_device_id_returns_a_server_generated_device_id()
    {
        var (_, registration) = await Client.SharedRegistrationAsync();

        registration.AsCompletedRegistration().Should().HaveNonEmptyStringField("device_id");
    }

    [Test, Requirement("REG-DEVICE-ECHO")]
    public async Task Registration_with_device_id_returns_that_device_id()
    {
        var deviceId = Fake.DeviceId();

        var account = await Client.RegisterAsync(new() { DeviceId = deviceId });

        account.Response.Should().HaveStringField("device_id", deviceId);
    }

    [Test, Requirement("REG-TOKEN-DEVICE")]
    public async Task Returned_access_token_belongs_to_the_returned_user_and_device()
    {
        var (registration, answer, _) = await Client.SharedRegistrationWhoAmIAsync();

        var whoami = answer.NeededStatus(200, "TOKEN-HEADER", "an access token the server accepts").NamingUserAndDevice();

        whoami.Should().HaveStatus(200)
            .And.HaveStringField("user_id", registration.StringField("user_id")!)
            .And.HaveStringField("device_id", registration.StringField("device_id")!);
    }

    [Test, Requirement("REG-DISPLAYNAME")]
    public async Task Initial_device_display_name_becomes_the_display_name_of_the_new_device()
    {
        var displayName = Fake.DeviceDisplayName();
        var account = await Client.RegisterAsync(new() { InitialDeviceDisplayName = displayName });

        var device = await Client.DeviceAsync(account.AccessToken, account.DeviceId!);

        device.Should().HaveStringField("display_name", displayName);
    }

    [Test, Requirement("REG-IN-USE", Quote = "Homeservers MUST perform the relevant checks")]
    public async Task Registering_a_taken_username_is_refused_with_M_USER_IN_USE()
    {
        var taken = await Client.OnceAsync(TakenUsername.Account);

        var second = await Client.TryRegisterAsync(new() { Username = taken.UserId.Localpart, Password = Fake.Password() });

        second.Should().BeRefusedWith(400, ErrCode.UserInUse);
    }

    /// <remarks>"If true, an access_token and device_id should not be returned from this call": a SHOULD.</remarks>
    [Test, Requirement("REG-INHIBIT", RequirementLevel.Should, Quote = "should not be returned from this call")]
    public async Task Registration_with_inhibit_login_returns_user_id_but_no_access_token_or_device()
    {
        var account = await Client.OnceAsync(Inhibited);

        account.Response.Should().HaveNonEmptyStringField("user_id")
            .And.NotHaveField("access_token")
            .And.NotHaveField("device_id");
    }

    /// <remarks>refresh_token and expires_in_ms: "Omitted if the inhibit_login option is true."</remarks>
    [Test, Requirement("REG-INHIBIT", Quote = "Omitted if the `inhibit_login` option is true.")]
    public async Task Registration_with_inhibit_login_returns_no_refresh_token_or_expiry()
    {
        var account = await Client.OnceAsync(Inhibited);

        account.Response.Should().HaveNonEmptyStringField("user_id")
            .And.NotHaveField("refresh_token")
            .And.NotHaveField("expires_in_ms");
    }

    [Test, Requirement("REG-INHIBIT", Quote = "The account has been registered.")]
    public async Task Account_registered_with_inhibit_login_exists_and_can_log_in_with_its_password()
    {
        await Client.RequireAsync(Feature.PasswordLogin);
        await Client.PasswordLoginsWorkAsync();
        var account = await Client.OnceAsync(Inhibited);

        var login = await Client.LogInWithPasswordAsync(account.UserId.Value, account.Password!);

        // Logged in is this rule; what a login answers is LOGIN-PASSWORD's check.
        login.Should().HaveStatus(200);
    }

    [Test, Requirement("REG-RESPONSE-REQUIRED")]
    public async Task A_successful_registration_answers_user_id_access_token_and_device_id()
    {
        var (_, registration) = await Client.SharedRegistrationAsync();

        registration.Should().HaveStatus(200).And.HaveNonEmptyStringField("user_id").And.HaveNonEmptyStringField("access_token").And.HaveNonEmptyStringField("device_id");
    }

    /// <remarks>
    /// The spec orders no check before UIA but the username's, so a server may challenge first and refuse the kind
    /// after: the client completes UIA as it would, and either documented refusal passes, 400 ("Part of the request
    /// was invalid") or 403 ("a particular kind of account is not allowed"), so long as no account is made.
    /// </remarks>
    [TestCase("admin")]
    [TestCase("USER")]
    [Requirement("REG-KIND-INVALID", Quote = "Part of the request was invalid.")]
    public async Task A_kind_other_than_user_or_guest_makes_no_account_and_is_refused_400_or_403(string kind)
    {
        var outcome = await Client.TryRegisterAsync(new() { Username = Fake.Localpart(), Password = Fake.Password() }, kind: kind);

        outcome.Should().BeRefusedWithStatus(400, 403);
    }

    [Test, Requirement("REG-FORBIDDEN", Quote = "The homeserver does not permit registering the account.")]
    public async Task A_server_with_registration_disabled_answers_403()
    {
        await Client.RequireAbsentAsync(Feature.Registration);

        var response = await Client.PostRegisterAsync(new RegistrationParameters { Username = Fake.Localpart(), Password = Fake.Password() }.ToJson());

        response.Should().HaveStatus(403);
    }

    /// <remarks>registration.yaml documents the 403; M_FORBIDDEN is only in its example, so the errcode is a SHOULD.</remarks>
    [Test, Requirement("REG-FORBIDDEN", RequirementLevel.Should, Quote = "The homeserver does not permit registering the account.")]
    public async Task A_server_with_registration_disabled_answers_M_FORBIDDEN()
    {
        await Client.RequireAbsentAsync(Feature.Registration);

        var response = await Client.PostRegisterAsync(new RegistrationParameters { Username = Fake.Localpart(), Password = Fake.Password() }.ToJson());

        response.Should().BeMatrixError(403, ErrCode.Forbidden);
    }
}
