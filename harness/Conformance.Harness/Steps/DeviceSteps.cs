using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;

namespace Conformance.Harness.Steps;

/// <summary>What a check that stands on a device's state needs of it.</summary>
public static class DeviceSteps
{
    /// <summary>
    /// A GET /devices/{deviceId} answer, once it is the device (200 naming <paramref name="deviceId"/>): DEVICES-GET
    /// judges whether it is.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The answer is not the device.</exception>
    public static MatrixResponse AsDevice(this MatrixResponse device, string deviceId) =>
        device.NeededBy(Matchers.All(ResponseMatchers.Status(200), ResponseMatchers.Field("device_id").Is(deviceId)), "DEVICES-GET", $"the device {deviceId} read back");

    /// <summary>
    /// A GET /devices/{deviceId} answer, once it says whether the device exists: 200 (it does) or 404 (it does not);
    /// any other answer is DEVICES-GET's to judge, and blocks the test on it.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The answer says neither.</exception>
    public static MatrixResponse AsFoundOrNotFound(this MatrixResponse device) =>
        device.NeededBy(Matchers.AnyOf(ResponseMatchers.Status(200), ResponseMatchers.Status(404)), "DEVICES-GET", "a device read back");

    /// <summary>
    /// The device read back, once its <c>display_name</c> is <paramref name="displayName"/>: a name the test set
    /// earlier, which <paramref name="ruleId"/> (the rule of the request that set it) judges.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The device does not have the name.</exception>
    public static MatrixResponse Named(this MatrixResponse device, string displayName, string ruleId) =>
        device.NeededBy(ResponseMatchers.Field("display_name").Is(displayName), ruleId, $"a device named \"{displayName}\"");
}
