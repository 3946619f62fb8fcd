using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;

namespace Conformance.Harness.Steps;

/// <summary>What a check that compares whoami's answer with something stands on.</summary>
public static class WhoAmISteps
{
    /// <summary>
    /// The whoami answer, once a 200 names a string <c>user_id</c> and <c>device_id</c>: a 200 without them blocks the
    /// test on WHOAMI-FIELDS, whose own test judges it. Any other status passes through, for the test to judge.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">whoami answered 200 without the fields.</exception>
    public static MatrixResponse NamingUserAndDevice(this MatrixResponse whoami)
    {
        ArgumentNullException.ThrowIfNull(whoami);
        return whoami.StatusCode == 200
            ? whoami.NeededBy(Matchers.All(ResponseMatchers.Field("user_id").IsString(), ResponseMatchers.Field("device_id").IsString()), "WHOAMI-FIELDS", "whoami naming the token's user and device")
            : whoami;
    }
}
