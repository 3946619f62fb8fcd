namespace Conformance.Suites.AppServices;

/// <summary>An application service managing its users' devices through the device management API, acting as them.</summary>
public sealed class AppServiceDeviceTests : ConformanceTest
{
    [Test, Requirement("AS-DEVICE-CREATE", Quote = "use the 201 status code to indicate that a new device was created")]
    public async Task Appservice_PUT_of_a_new_device_for_its_user_creates_it_and_answers_201()
    {
        var asToken = Client.Require(Setting.AppServiceToken);
        var user = await Client.AppServiceUserItCanActAsAsync();
        var deviceId = Fake.DeviceId();

        var created = await Client.PutDeviceActingAsAsync(asToken, user.Value, deviceId, Fake.DeviceDisplayName());
        var device = await Client.GetDeviceActingAsAsync(asToken, user.Value, deviceId);

        created.Should().HaveStatus(201);
        // That it exists is this rule (a 404 says it does not); any other answer to the read is DEVICES-GET's.
        device.AsFoundOrNotFound().Should().HaveStatus(200);
    }
}
