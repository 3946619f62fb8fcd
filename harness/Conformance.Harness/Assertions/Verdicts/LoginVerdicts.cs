using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;
using static Conformance.Harness.Assertions.Matching.ResponseMatchers;

namespace Conformance.Harness.Assertions.Verdicts;

/// <summary>What logging in and login tokens ask of an answer.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#login</remarks>
public static class LoginVerdicts
{
    /// <summary>A non-empty <c>flows</c> array whose every entry has a string <c>type</c> (GET /login).</summary>
    public static Matcher<MatrixResponse> FlowsWithTypes()
    {
        var flows = Field("flows");
        return Matchers.All(flows.IsNonEmptyArray(), flows.Every("flow", JsonMatchers.Field("type").IsString()))
            .Expecting("a non-empty \"flows\" array whose every flow has a string \"type\"", r => $"\"flows\" is {flows.Describe(r)}");
    }

    /// <summary>A login's session: 200 with non-empty string <c>access_token</c>, <c>device_id</c> and <c>user_id</c>, which login.yaml requires.</summary>
    public static Matcher<MatrixResponse> Session() =>
        Matchers.All(Status(200), Field("access_token").IsNonEmptyString(), Field("device_id").IsNonEmptyString(), Field("user_id").IsNonEmptyString());

    /// <summary>
    /// A get_token answer that matches the user's <c>m.get_login_token</c> capability: a login token when it says
    /// enabled, a refusal when it says disabled.
    /// </summary>
    public static Matcher<MatrixResponse> LoginTokenIssuedExactlyWhen(bool capabilityEnabled)
    {
        var issued = Matchers.All(Status(200), Field("login_token").IsNonEmptyString());
        return (capabilityEnabled ? issued : Matchers.Not(issued)).Expecting(
            capabilityEnabled
                ? "a login token, since GET /capabilities says m.get_login_token is enabled for this user"
                : "a refusal, since GET /capabilities says m.get_login_token is disabled for this user",
            r => Got(r) + (issued.Match(r) is null ? " with a login_token" : string.Empty));
    }

    /// <summary>
    /// The SSO redirect endpoint's answer: an HTTP redirect to the SSO interface (any 3xx with a <c>Location</c>), or
    /// an HTML page that lets the user choose an IdP.
    /// </summary>
    /// <remarks>
    /// The endpoint's description says "an HTTP redirect" and its response table shows 302; any redirect is taken,
    /// since a browser follows them all alike and matrix-authentication-service answers 303.
    /// </remarks>
    public static Matcher<MatrixResponse> SsoRedirect() =>
        new("an HTTP redirect to the SSO interface (a 3xx with a Location), or an HTML page to choose an IdP", r =>
            (r.IsRedirect && r.Headers.ContainsKey("Location")) || (r.StatusCode == 200 && r.MediaType == "text/html") ? null
            : r.IsRedirect ? $"HTTP {r.StatusCode} without a Location header"
            : Got(r));
}
