using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;

namespace Conformance.Harness.Steps;

/// <summary>The step "a guest": what every guest check but GUEST-NO-UIA's own stands on.</summary>
public static class GuestSteps
{
    /// <summary>
    /// <paramref name="registration"/>, a POST /register?kind=guest answer, once it is a guest: 200 with a non-empty
    /// <c>access_token</c> and <c>user_id</c>; anything else (a UIA challenge, say) blocks the test on
    /// <paramref name="ruleId"/>, whose own test judges that answer: GUEST-NO-UIA for a plain guest registration,
    /// GUEST-IGNORE-BODY for one whose body asks for what a guest registration ignores.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The answer is no guest.</exception>
    public static MatrixResponse Guest(MatrixResponse registration, string ruleId = "GUEST-NO-UIA") =>
        registration.NeededBy(
            Matchers.All(ResponseMatchers.Status(200), ResponseMatchers.Field("access_token").IsNonEmptyString(), ResponseMatchers.Field("user_id").IsNonEmptyString()),
            ruleId, "a guest");

    /// <summary>
    /// <paramref name="registration"/>, once it registered a guest the test can name (200 with a non-empty
    /// <c>user_id</c>), for a test that needs only the guest's user ID; else blocked by <paramref name="ruleId"/>.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The answer names no guest.</exception>
    public static MatrixResponse GuestNamed(MatrixResponse registration, string ruleId) =>
        registration.NeededBy(Assertions.Verdicts.RegistrationVerdicts.Answered(), ruleId, "a guest");
}
