namespace Conformance.Suites.DevicesAndLogout;

/// <summary>GET /devices, GET, PUT and DELETE /devices/{deviceId}, and POST /delete_devices.</summary>
public sealed class DeviceManagementTests : ConformanceTest
{
    /// <summary>
    /// A fresh account's deletion of its own device with a wrong password: DEVICES-DELETE and UIA-STAGE-FAILED judge
    /// the one answer. Not the bystander's: a refusal without UIA elsewhere may delete that device under it.
    /// </summary>
    private static readonly OncePerRun<MatrixResponse> WrongPasswordDeletion = new(async client =>
    {
        var account = await client.AccountAsync(AccountUse.OwnSessions);
        return await client.DeleteDeviceThroughUiaAsync(account, account.DeviceId!, account.Password + "-wrong");
    });

    /// <summary>
    /// A fresh account whose device was renamed with PUT /devices/{deviceId}: one test judges the answer, one the new
    /// name, and the refusals of a rename of an unknown device and the reads of another user's device use it too (none
    /// of them can change it). Deletions, which a broken server may carry out, each have an account of their own.
    /// </summary>
    private static readonly OncePerRun<(RegisteredAccount Account, string DisplayName, MatrixResponse Update)> Renamed = new(async client =>
    {
        var account = await client.AccountAsync(AccountUse.OwnSessionsWithoutPassword);
        var displayName = client.Fake.DeviceDisplayName();
        var update = await client.PutDeviceDisplayNameAsync(account.AccessToken, account.DeviceId!, displayName);
        return (account, displayName, update);
    });

    /// <summary>A fresh account whose second device was deleted by POST /delete_devices: two tests judge what is left.</summary>
    private static readonly OncePerRun<(RegisteredAccount Account, LoginSession Deleted)> BulkDeleted = new(async client =>
    {
        var account = await client.AccountAsync(AccountUse.OwnSessions);
        var second = await client.LogInAgainAsync(account);
        await client.DeleteDevicesThroughUiaAsync(account, second.DeviceId);
        return (account, second);
    });

    [Test, Requirement("DEVICES-LIST", Quote = "A list of all registered devices for this user.")]
    public async Task Get_devices_lists_the_device_of_the_token()
    {
        var account = await Client.SharedAccountAsync();

        var devices = await Client.GetDevicesAsync(account.AccessToken);

        devices.Should().ListTheDevice(account.DeviceId!);
    }

    [Test, Requirement("DEVICES-GET", Quote = "Gets information on a single device, by device id.")]
    public async Task Get_device_answers_the_device_of_the_user()
    {
        var account = await Client.SharedAccountAsync();

        var device = await Client.GetDeviceAsync(account.AccessToken, account.DeviceId!);

        device.Should().HaveStatus(200).And.HaveStringField("device_id", account.DeviceId!);
    }

    [Test, Requirement("DEVICES-GET", Quote = "The current user has no device with the given ID.")]
    public async Task Get_device_answers_404_for_an_unknown_device()
    {
        var account = await Client.SharedAccountAsync();
        await Client.DeviceAsync(account.AccessToken, account.DeviceId!);

        var device = await Client.GetDeviceAsync(account.AccessToken, Fake.DeviceId());

        // The spec gives this 404 no errcode of its own.
        device.Should().HaveStatus(404);
    }

    [Test, Requirement("DEVICES-GET", Quote = "The current user has no device with the given ID.")]
    public async Task Get_device_answers_404_for_a_device_of_another_user()
    {
        var owner = await Client.SharedAccountAsync();
        var (renamed, _, _) = await Client.OnceAsync(Renamed);
        var other = await Client.AnotherUserThanAsync(owner, renamed);
        await Client.DeviceAsync(owner.AccessToken, owner.DeviceId!);

        var device = await Client.GetDeviceAsync(other.AccessToken, owner.DeviceId!);

        device.Should().HaveStatus(404);
    }

    [Test, Requirement("DEVICES-UPDATE", Quote = "The device was successfully updated.")]
    public async Task Put_device_with_a_display_name_answers_200()
    {
        var (_, _, update) = await Client.OnceAsync(Renamed);

        update.Should().HaveStatus(200);
    }

    [Test, Requirement("DEVICES-UPDATE", Quote = "The new display name for this device.")]
    public async Task Put_device_with_a_display_name_renames_the_device()
    {
        var (account, displayName, _) = await Client.OnceAsync(Renamed);

        var device = await Client.DeviceAsync(account.AccessToken, account.DeviceId!);

        device.Should().HaveStringField("display_name", displayName);
    }

    [Test, Requirement("DEVICES-UPDATE", Quote = "The current user has no device with the given ID.")]
    public async Task Put_device_answers_404_for_an_unknown_device()
    {
        var (account, _, _) = await Client.OnceAsync(Renamed);
        await Client.DeviceAsync(account.AccessToken, account.DeviceId!);

        var update = await Client.PutDeviceDisplayNameAsync(account.AccessToken, Fake.DeviceId(), Fake.DeviceDisplayName());

        update.Should().HaveStatus(404);
    }

    /// <remarks>What the challenge offers is the server's configuration: with no stage it could offer this user (password login off), its flows are [].</remarks>
    [Test, Requirement("DEVICES-DELETE", Quote = "never succeeds without auth")]
    public async Task Delete_device_without_auth_answers_a_UIA_challenge()
    {
        var account = await Client.AccountAsync(AccountUse.OwnSessionsWithoutPassword);

        var response = await Client.DeleteDeviceAsync(account.AccessToken, account.DeviceId!);

        response.Should().BeUiaChallenge(mayOfferNoFlow: true);
    }

    /// <remarks>The errcode and error that say why the stage failed are UIA-STAGE-FAILED's check; here the deletion must not happen.</remarks>
    [Test, Requirement("DEVICES-DELETE", Quote = "never succeeds without auth")]
    public async Task Delete_device_with_a_wrong_password_is_answered_with_the_challenge_again()
    {
        var response = await Client.OnceAsync(WrongPasswordDeletion);

        response.Should().BeUiaChallenge(mayOfferNoFlow: true);
    }

    [Test, Requirement("UIA-STAGE-FAILED", Quote = "with the addition of the standard `errcode` and `error` fields describing the error")]
    public async Task A_wrong_password_in_a_device_deletions_UIA_is_answered_401_with_the_flows_errcode_and_error()
    {
        var response = await Client.OnceAsync(WrongPasswordDeletion);

        response.AsAnErrorAnswer("DEVICES-DELETE").Should().BeFailedUiaStage();
    }

    [Test, Requirement("DEVICES-DELETE", Quote = "Deletes the given device, and invalidates any access token associated with it.")]
    public async Task Delete_device_invalidates_its_access_token()
    {
        // The device of the very token that asks: no second login needed (login is the most rate-limited call).
        var account = await Client.AccountAsync(AccountUse.OwnSessions);
        await Client.DeleteDeviceThroughUiaAsync(account, account.DeviceId!);

        var whoami = await Client.GetWhoAmIAsync(account.AccessToken);

        // A dead token is refused; how an unknown token is refused is TOKEN-MISSING's check.
        whoami.Should().BeARefusal();
    }

    [Test, Requirement("DEVICES-DELETE", Quote = "Deletes the given devices, and invalidates any access token associated with them.")]
    public async Task Delete_devices_invalidates_their_access_tokens()
    {
        var (_, deleted) = await Client.OnceAsync(BulkDeleted);

        var whoami = await Client.GetWhoAmIAsync(deleted.AccessToken);

        // A dead token is refused; how an unknown token is refused is TOKEN-MISSING's check.
        whoami.Should().BeARefusal();
    }

    [Test, Requirement("DEVICES-DELETE", Quote = "or had been removed previously")]
    public async Task Deleting_a_device_already_deleted_answers_200()
    {
        var (account, deleted) = await Client.OnceAsync(BulkDeleted);
        // Only once the bulk deletion took the device: deleting it here otherwise would hide that from the test beside.
        (await Client.GetWhoAmIAsync(deleted.AccessToken)).NeededStatus(401, "DEVICES-DELETE", "a device POST /delete_devices deleted");

        var response = await Client.DeleteDeviceThroughUiaAsync(account, deleted.DeviceId);

        response.Should().HaveStatus(200);
    }
}
