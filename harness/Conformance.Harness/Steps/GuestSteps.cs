using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;

namespace Conformance.Harness.Steps;

/// <summary>The step "a guest": what every guest check but GUEST-NO-UIA's own stands on.</summary>
public static class GuestSteps
{
    /// <summary>
    /// <paramref name="registration"/>, a POST /register?kind=guest answer, once it is a guest: 200 with a non-empty
    /// <c>access_token</c> and <c>user_id</c>; anything else (a UIA challenge, say) blocks the test on GUEST-NO-UIA,
    /// whose own test judges that answer.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The answer is no guest.</exception>
    public static MatrixResponse Guest(MatrixResponse registration) =>
        registration.NeededBy(
            Matchers.All(ResponseMatchers.Status(200), ResponseMatchers.Field("access_token").IsNonEmptyString(), ResponseMatchers.Field("user_id").IsNonEmptyString()),
            "GUEST-NO-UIA", "a guest");
}
