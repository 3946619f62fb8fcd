using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;

namespace Conformance.Harness.Steps;

/// <summary>What a check that stands on a device's state needs of it.</summary>
public static class DeviceSteps
{
    /// <summary>
    /// The device read back, once its <c>display_name</c> is <paramref name="displayName"/>: a name the test set
    /// earlier, which <paramref name="ruleId"/> (the rule of the request that set it) judges.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The device does not have the name.</exception>
    public static MatrixResponse Named(this MatrixResponse device, string displayName, string ruleId) =>
        device.NeededBy(ResponseMatchers.Field("display_name").Is(displayName), ruleId, $"a device named \"{displayName}\"");
}
