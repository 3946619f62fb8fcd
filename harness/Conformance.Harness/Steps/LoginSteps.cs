using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;

namespace Conformance.Harness.Steps;

/// <summary>What a check that reads a password login's answer needs of it.</summary>
public static class LoginSteps
{
    /// <summary>
    /// The answer of a password login of an account, once it logged in (200 with an access token): LOGIN-PASSWORD
    /// judges whether it does. A check of another part of the answer (the device, a refresh token) stands on it.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The login did not log in.</exception>
    public static MatrixResponse AsPasswordLogin(this MatrixResponse login) =>
        login.NeededBy(
            Matchers.All(ResponseMatchers.Status(200), ResponseMatchers.Field("access_token").IsNonEmptyString()).Expecting("200 with an access_token", ResponseMatchers.Got),
            "LOGIN-PASSWORD", "a password login of the account");
}
