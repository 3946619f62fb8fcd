using System.Text.Json.Nodes;

namespace Conformance.Suites.Guests;

/// <summary>Guest registration (POST /register?kind=guest) and guest upgrade.</summary>
/// <remarks>
/// Guests count against a server's registration limit like users, so the tests share two guests: a plain one, and one
/// whose body asks for everything a guest registration must ignore (but inhibit_login, which would leave the others
/// no token to look with).
/// </remarks>
public sealed class GuestTests : ConformanceTest
{
    private static readonly OncePerRun<MatrixResponse> PlainGuest = new(async client =>
    {
        await client.RequireAsync(Feature.Guests);
        return await client.RegisterGuestAsync();
    });

    private static readonly OncePerRun<GuestAskingForEverything> AskingGuest = new(async client =>
    {
        await client.RequireAsync(Feature.Guests);
        var (username, password, deviceId, displayName) = (client.Fake.Localpart(), client.Fake.Password(), client.Fake.DeviceId(), client.Fake.DeviceDisplayName());
        var response = await client.RegisterGuestAsync(new JsonObject
        {
            ["username"] = username,
            ["password"] = password,
            ["device_id"] = deviceId,
            ["initial_device_display_name"] = displayName,
            ["refresh_token"] = true,
            ["auth"] = new JsonObject { ["type"] = "m.login.dummy", ["session"] = "no-such-session" },
        });
        return new GuestAskingForEverything(username, password, deviceId, displayName, response);
    });

    /// <summary>
    /// A guest registered asking for inhibit_login, which a guest registration ignores: one test judges the answer, and
    /// it is the guest another guest must not take over (nothing else uses it).
    /// </summary>
    private static readonly OncePerRun<MatrixResponse> InhibitedGuest = new(async client =>
    {
        await client.RequireAsync(Feature.Guests);
        return await client.RegisterGuestAsync(new JsonObject { ["inhibit_login"] = true });
    });

    [Test, Requirement("GUEST-NO-UIA", Quote = "except in the cases where a guest account is being registered")]
    public async Task Guest_registration_succeeds_without_UIA()
    {
        var response = await Client.OnceAsync(PlainGuest);

        response.Should().HaveStatus(200).And.HaveNonEmptyStringField("access_token").And.HaveNonEmptyStringField("user_id");
    }

    [Test, Requirement("GUEST-IGNORE-BODY")]
    public async Task Guest_registration_ignores_username()
    {
        await GuestAsync();
        var guest = await Client.OnceAsync(AskingGuest);

        guest.Response.Should().HaveStatus(200).And.NotHaveStringFieldEqualTo("user_id", $"@{guest.Username}:{ServerNameOf(guest.Response)}");
    }

    [Test, Requirement("GUEST-IGNORE-BODY")]
    public async Task Guest_registration_ignores_inhibit_login()
    {
        var plain = await GuestAsync();

        var response = await Client.OnceAsync(InhibitedGuest);

        response.Should().HaveStatus(200).And.HaveNonEmptyStringField("access_token")
            .And.HaveFieldExactlyWhen("device_id", plain.HasField("device_id"), "a guest registered without inhibit_login");
    }

    [Test, Requirement("GUEST-IGNORE-BODY")]
    public async Task Guest_registration_ignores_refresh_token()
    {
        // Whether a guest gets a refresh token is the server's choice; asking for one must not change it.
        var unasked = await GuestAsync();

        var asked = await Client.OnceAsync(AskingGuest);

        asked.Response.Should().HaveStatus(200).And.HaveNonEmptyStringField("user_id")
            .And.HaveFieldExactlyWhen("refresh_token", unasked.HasField("refresh_token"), "a guest registered without refresh_token: true");
    }

    [Test, Requirement("GUEST-IGNORE-BODY")]
    public async Task Guest_registration_ignores_auth()
    {
        await GuestAsync();
        var guest = await Client.OnceAsync(AskingGuest);

        guest.Response.Should().HaveStatus(200).And.HaveNonEmptyStringField("access_token");
    }

    [Test, Requirement("GUEST-IGNORE-BODY")]
    public async Task Guest_registration_ignores_password()
    {
        await GuestAsync();
        var guest = await Client.OnceAsync(AskingGuest);
        await Client.RequireAsync(Feature.PasswordLogin);
        await Client.LoginRefusalsAre403Async();

        var userId = GuestSteps.Guest(guest.Response, "GUEST-IGNORE-BODY").StringField("user_id")!;

        var login = await Client.LogInWithPasswordAsync(userId, guest.Password);

        // Refused is this rule; the errcode of a refused login is LOGIN-WRONG's check.
        login.Should().HaveStatus(403);
    }

    [Test, Requirement("GUEST-DEVICE-PICK")]
    public async Task Guest_registration_does_not_use_a_supplied_device_id()
    {
        await GuestAsync();
        var guest = await Client.OnceAsync(AskingGuest);

        // That the registration succeeds is GUEST-IGNORE-BODY's; that it answers a device_id at all, REG-RESPONSE-REQUIRED's.
        GuestSteps.Guest(guest.Response, "GUEST-IGNORE-BODY").Should().NotHaveStringFieldEqualTo("device_id", guest.DeviceId);
    }

    [Test, Requirement("GUEST-DISPLAYNAME", Quote = "with the exception of `initial_device_display_name`")]
    public async Task Guest_registration_honours_initial_device_display_name()
    {
        await GuestAsync();
        var guest = GuestSteps.Guest((await Client.OnceAsync(AskingGuest)).Response, "GUEST-IGNORE-BODY");

        var device = await Client.DeviceAsync(guest.StringField("access_token"), guest.StringField("device_id") ?? "");

        device.Should().HaveStringField("display_name", (await Client.OnceAsync(AskingGuest)).DisplayName);
    }

    [Test, Requirement("GUEST-WHOAMI")]
    public async Task Whoami_with_a_guest_token_says_is_guest_true()
    {
        var guest = await GuestAsync();
        await Client.AccessTokensAreReadAsync();

        var whoami = await Client.GetWhoAmIAsync(guest.StringField("access_token"));

        whoami.Should().HaveStatus(200).And.HaveBoolField("is_guest", true);
    }

    [Test, Requirement("GUEST-WHOAMI")]
    public async Task Whoami_with_a_user_token_does_not_say_is_guest_true()
    {
        var account = await Client.SharedAccountAsync();

        var whoami = await Client.GetWhoAmIAsync(account.AccessToken);

        whoami.Should().HaveStatus(200).And.NotHaveTrueField("is_guest");
    }

    [Test, Requirement("GUEST-FORBIDDEN", Quote = "The homeserver does not permit registering the account.")]
    public async Task A_server_that_disallows_guests_answers_403()
    {
        await Client.RequireAbsentAsync(Feature.Guests);

        var response = await Client.RegisterGuestThroughUiaAsync();

        response.Should().HaveStatus(403);
    }

    /// <remarks>registration.yaml documents the 403; M_FORBIDDEN is only in its example, so the errcode is a SHOULD.</remarks>
    [Test, Requirement("GUEST-FORBIDDEN", RequirementLevel.Should, Quote = "The homeserver does not permit registering the account.")]
    public async Task A_server_that_disallows_guests_answers_M_FORBIDDEN()
    {
        await Client.RequireAbsentAsync(Feature.Guests);

        var response = await Client.RegisterGuestThroughUiaAsync();

        response.Should().BeMatrixError(403, ErrCode.Forbidden);
    }

    [Test, Requirement("GUEST-UPGRADE", Quote = "Guest users can also upgrade their account")]
    public async Task A_guest_upgraded_by_registration_keeps_its_user_ID()
    {
        await Client.RequireAsync(Feature.Guests);
        var guest = GuestSteps.Guest(await Client.RegisterGuestAsync());
        var guestId = new Conformance.Harness.Identifiers.UserId(guest.StringField("user_id")!);

        var upgrade = await Client.TryRegisterAsync(new() { Username = guestId.Localpart, Password = Fake.Password(), GuestAccessToken = guest.StringField("access_token") });

        upgrade.Should().HaveRegistered(guestId.Value);
    }

    [Test, Requirement("GUEST-UPGRADE", Quote = "They are also required to specify the `username`")]
    public async Task A_guest_cannot_upgrade_another_guests_account()
    {
        var intruder = await GuestAsync();
        var victim = GuestSteps.GuestNamed(await Client.OnceAsync(InhibitedGuest), "GUEST-IGNORE-BODY");
        var victimId = new Conformance.Harness.Identifiers.UserId(victim.StringField("user_id")!);

        var upgrade = await Client.TryRegisterAsync(new() { Username = victimId.Localpart, Password = Fake.Password(), GuestAccessToken = intruder.StringField("access_token") });

        upgrade.Should().BeRefusedWithClientError();
    }

    /// <summary>The run's plain guest, as a step: blocked by GUEST-NO-UIA when it is no guest.</summary>
    private async Task<MatrixResponse> GuestAsync() => GuestSteps.Guest(await Client.OnceAsync(PlainGuest));

    private static string ServerNameOf(MatrixResponse response) =>
        new Conformance.Harness.Identifiers.UserId(response.StringField("user_id") ?? "").ServerName;

    /// <summary>A guest registered with a body asking for what guests are not given, and what it asked for.</summary>
    private sealed record GuestAskingForEverything(string Username, string Password, string DeviceId, string DisplayName, MatrixResponse Response);
}
