using System.Text.Json.Nodes;

namespace Conformance.Suites.Guests;

/// <summary>Guest registration (POST /register?kind=guest) and guest upgrade.</summary>
public sealed class GuestTests : ConformanceTest
{
    [Test, Requirement("GUEST-NO-UIA")]
    public async Task Guest_registration_succeeds_without_UIA()
    {
        await NotApplicable.UnlessGuestsCanRegisterAsync();

        var response = await Client.RegisterGuestAsync();

        response.Should().HaveStatus(200).And.HaveNonEmptyStringField("access_token").And.HaveNonEmptyStringField("user_id");
    }

    [Test, Requirement("GUEST-IGNORE-BODY")]
    public async Task Guest_registration_ignores_username()
    {
        await NotApplicable.UnlessGuestsCanRegisterAsync();
        var username = Fake.Localpart();

        var response = await Client.RegisterGuestAsync(new JsonObject { ["username"] = username });

        response.Should().HaveStatus(200).And.NotHaveStringFieldEqualTo("user_id", $"@{username}:{ServerNameOf(response)}");
    }

    [Test, Requirement("GUEST-IGNORE-BODY")]
    public async Task Guest_registration_ignores_inhibit_login()
    {
        await NotApplicable.UnlessGuestsCanRegisterAsync();

        var response = await Client.RegisterGuestAsync(new JsonObject { ["inhibit_login"] = true });

        response.Should().HaveStatus(200).And.HaveNonEmptyStringField("access_token").And.HaveNonEmptyStringField("device_id");
    }

    [Test, Requirement("GUEST-IGNORE-BODY")]
    public async Task Guest_registration_ignores_refresh_token()
    {
        await NotApplicable.UnlessGuestsCanRegisterAsync();

        // Whether a guest gets a refresh token is the server's choice; asking for one must not change it.
        var unasked = await Client.RegisterGuestAsync();

        var asked = await Client.RegisterGuestAsync(new JsonObject { ["refresh_token"] = true });

        asked.Should().HaveStatus(200).And.HaveNonEmptyStringField("user_id")
            .And.HaveFieldExactlyWhen("refresh_token", unasked.HasField("refresh_token"), "a guest registered without refresh_token: true");
    }

    [Test, Requirement("GUEST-IGNORE-BODY")]
    public async Task Guest_registration_ignores_auth()
    {
        await NotApplicable.UnlessGuestsCanRegisterAsync();

        var response = await Client.RegisterGuestAsync(new JsonObject { ["auth"] = new JsonObject { ["type"] = "m.login.dummy", ["session"] = "no-such-session" } });

        response.Should().HaveStatus(200).And.HaveNonEmptyStringField("access_token");
    }

    [Test, Requirement("GUEST-IGNORE-BODY")]
    public async Task Guest_registration_ignores_password()
    {
        await NotApplicable.UnlessGuestsCanRegisterAsync();
        await NotApplicable.UnlessPasswordLoginAsync();
        var password = Fake.Password();
        var guest = await Client.RegisterGuestAsync(new JsonObject { ["password"] = password });

        var login = await Client.LogInWithPasswordAsync(guest.StringField("user_id") ?? "", password);

        login.Should().BeMatrixError(403, ErrCode.Forbidden);
    }

    [Test, Requirement("GUEST-DEVICE-PICK")]
    public async Task Guest_registration_does_not_use_a_supplied_device_id()
    {
        await NotApplicable.UnlessGuestsCanRegisterAsync();
        var deviceId = Fake.DeviceId();

        var response = await Client.RegisterGuestAsync(new JsonObject { ["device_id"] = deviceId });

        response.Should().HaveStatus(200).And.HaveNonEmptyStringField("device_id").And.NotHaveStringFieldEqualTo("device_id", deviceId);
    }

    [Test, Requirement("GUEST-DISPLAYNAME")]
    public async Task Guest_registration_honours_initial_device_display_name()
    {
        await NotApplicable.UnlessGuestsCanRegisterAsync();
        var displayName = Fake.DeviceDisplayName();
        var guest = await Client.RegisterGuestAsync(new JsonObject { ["initial_device_display_name"] = displayName });

        var device = await Client.GetDeviceAsync(guest.StringField("access_token"), guest.StringField("device_id") ?? "");

        device.Should().HaveStatus(200).And.HaveStringField("display_name", displayName);
    }

    [Test, Requirement("GUEST-WHOAMI")]
    public async Task Whoami_with_a_guest_token_says_is_guest_true()
    {
        await NotApplicable.UnlessGuestsCanRegisterAsync();
        var guest = await Client.RegisterGuestAsync();

        var whoami = await Client.GetWhoAmIAsync(guest.StringField("access_token"));

        whoami.Should().HaveStatus(200).And.HaveBoolField("is_guest", true);
    }

    [Test, Requirement("GUEST-WHOAMI")]
    public async Task Whoami_with_a_user_token_does_not_say_is_guest_true()
    {
        var account = await Client.RegisterAsync();

        var whoami = await Client.GetWhoAmIAsync(account.AccessToken);

        whoami.Should().HaveStatus(200).And.NotHaveTrueField("is_guest");
    }

    [Test, Requirement("GUEST-FORBIDDEN")]
    public async Task A_server_that_disallows_guests_answers_403()
    {
        await UnlessGuestsAreRefusedAsync();

        var response = await Client.RegisterGuestAsync();

        response.Should().HaveStatus(403);
    }

    /// <remarks>registration.yaml documents the 403; M_FORBIDDEN is only in its example, so the errcode is a SHOULD.</remarks>
    [Test, Requirement("GUEST-FORBIDDEN", RequirementLevel.Should)]
    public async Task A_server_that_disallows_guests_answers_M_FORBIDDEN()
    {
        await UnlessGuestsAreRefusedAsync();

        var response = await Client.RegisterGuestAsync();

        response.Should().BeMatrixError(403, ErrCode.Forbidden);
    }

    private static async Task UnlessGuestsAreRefusedAsync() =>
        NotApplicable.UnlessFeatureIsOff(
            await ConformanceRun.Current.Probes.GuestsClosedReasonAsync(), "This server lets guests register; the 403 rule binds servers that disallow them.");

    [Test, Requirement("GUEST-UPGRADE")]
    public async Task A_guest_upgraded_by_registration_keeps_its_user_ID()
    {
        await NotApplicable.UnlessGuestsCanRegisterAsync();
        var guest = await Client.RegisterGuestAsync();
        var guestId = new Conformance.Harness.Identifiers.UserId(guest.StringField("user_id") ?? "");

        var upgrade = await Client.TryRegisterAsync(new() { Username = guestId.Localpart, Password = Fake.Password(), GuestAccessToken = guest.StringField("access_token") });

        upgrade.Should().HaveRegistered(guestId.Value);
    }

    [Test, Requirement("GUEST-UPGRADE")]
    public async Task A_guest_cannot_upgrade_another_guests_account()
    {
        await NotApplicable.UnlessGuestsCanRegisterAsync();
        var victim = await Client.RegisterGuestAsync();
        var intruder = await Client.RegisterGuestAsync();
        var victimId = new Conformance.Harness.Identifiers.UserId(victim.StringField("user_id") ?? "");

        var upgrade = await Client.TryRegisterAsync(new() { Username = victimId.Localpart, Password = Fake.Password(), GuestAccessToken = intruder.StringField("access_token") });

        upgrade.Should().BeRefusedWithClientError();
    }

    private static string ServerNameOf(MatrixResponse response) =>
        new Conformance.Harness.Identifiers.UserId(response.StringField("user_id") ?? "").ServerName;
}
