using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Assertions.Verdicts;
using Conformance.Harness.Client;
using FluentAssertions;
using FluentAssertions.Primitives;
using static Conformance.Harness.Assertions.Matching.ResponseMatchers;

namespace Conformance.Harness.Assertions;

/// <summary>Assertions on one server response that read like the spec sentence they check.</summary>
/// <remarks>Each runs one matcher of <see cref="ResponseMatchers"/> or of the verdicts; scopes collect their failures.</remarks>
public sealed class MatrixResponseAssertions(MatrixResponse subject)
    : ReferenceTypeAssertions<MatrixResponse, MatrixResponseAssertions>(subject)
{
    /// <inheritdoc />
    protected override string Identifier => "response";

    /// <summary>The status is exactly <paramref name="status"/>.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveStatus(int status) => Check(Status(status));

    /// <summary>The body is a JSON object.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveJsonObjectBody() => Check(JsonObjectBody());

    /// <summary>A standard error response: this status, a JSON object body, and this <c>errcode</c>.</summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The status is right but the body has no errcode (API-ERROR-SHAPE judges that).</exception>
    public AndConstraint<MatrixResponseAssertions> BeMatrixError(int status, string errcode)
    {
        Steps.ErrorBodySteps.NeedsAnErrcode(Subject, status);
        return Check(ErrorVerdicts.MatrixError(status, errcode));
    }

    /// <summary>
    /// An error whose <c>errcode</c> is one of <paramref name="errcodes"/>, whatever its status: for a rule whose
    /// status the spec documents (binding) but whose errcode it only names ("can include", an example, "will"), so the
    /// two are judged apart, at their own levels.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">An error body without errcode (API-ERROR-SHAPE judges that).</exception>
    public AndConstraint<MatrixResponseAssertions> HaveErrCode(params string[] errcodes)
    {
        Steps.ErrorBodySteps.NeedsAnErrcode(Subject);
        return Check(ErrorVerdicts.ErrCodeOneOf(errcodes));
    }

    /// <summary>One of the standard errors <paramref name="allowed"/>: for a case two sentences of the spec answer differently, where either passes.</summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">A status is right but the body has no errcode (API-ERROR-SHAPE judges that).</exception>
    public AndConstraint<MatrixResponseAssertions> BeOneOfTheMatrixErrors(params (int Status, string ErrCode)[] allowed)
    {
        foreach (var (status, _) in allowed)
        {
            Steps.ErrorBodySteps.NeedsAnErrcode(Subject, status);
        }

        return Check(Matchers.AnyOf([.. allowed.Select(a => ErrorVerdicts.MatrixError(a.Status, a.ErrCode))])
            .Expecting(string.Join(", or ", allowed.Select(a => $"HTTP {a.Status} with errcode {a.ErrCode}")), Got));
    }

    /// <summary>A top-level string field with exactly this value.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveStringField(string name, string expected) => Check(Field(name).Is(expected));

    /// <summary>The top-level string field is not <paramref name="unexpected"/> (absent counts as not equal).</summary>
    public AndConstraint<MatrixResponseAssertions> NotHaveStringFieldEqualTo(string name, string unexpected) => Check(Field(name).IsNot(unexpected));

    /// <summary>A top-level, non-empty string field.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveNonEmptyStringField(string name) => Check(Field(name).IsNonEmptyString());

    /// <summary>The top-level field is absent.</summary>
    public AndConstraint<MatrixResponseAssertions> NotHaveField(string name) => Check(Field(name).IsAbsent());

    /// <summary>The top-level field is present, whatever its value.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveField(string name) => Check(Field(name).IsPresent());

    /// <summary>A top-level boolean field with exactly this value.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveBoolField(string name, bool expected) => Check(Field(name).Is(expected));

    /// <summary>The top-level field is absent or false.</summary>
    public AndConstraint<MatrixResponseAssertions> NotHaveTrueField(string name) => Check(Field(name).IsAbsentOrFalse());

    /// <summary>A top-level field holding a JSON integer.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveIntegerField(string name) => Check(Field(name).IsInteger());

    /// <summary>An optional field: absent, or a JSON integer.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveIntegerFieldIfAny(string name) => Check(Field(name).IfPresent(field => field.IsInteger()));

    /// <summary>
    /// The field is present exactly when <paramref name="expected"/> says, as it was in <paramref name="comparedWith"/>:
    /// for a parameter the server must ignore, the answer looks as it does without it.
    /// </summary>
    public AndConstraint<MatrixResponseAssertions> HaveFieldExactlyWhen(string name, bool expected, string comparedWith)
    {
        var present = Field(name).IsPresent();
        return Check((expected ? present : Matchers.Not(present)).Expecting(
            $"\"{name}\" {(expected ? "present" : "absent")}, as in {comparedWith}", _ => $"it is {(expected ? "absent" : "present")}"));
    }

    /// <summary>A standard error body: a JSON object with a string <c>errcode</c> and a string <c>error</c>.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveStandardErrorBody() => Check(ErrorVerdicts.StandardErrorBody());

    /// <summary>The media type of <c>Content-Type</c> is <c>application/json</c> (parameters such as charset allowed).</summary>
    public AndConstraint<MatrixResponseAssertions> HaveJsonContentType() => Check(Header("Content-Type").HasMediaType("application/json"));

    /// <summary>A <c>Content-Type</c> of <c>text/html</c> (parameters such as charset allowed): an HTML page.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveHtmlContentType() => Check(Header("Content-Type").HasMediaType("text/html"));

    /// <summary>
    /// The header lists every one of <paramref name="required"/> (comma-separated, any case), or <c>*</c> where the
    /// Fetch standard lets the wildcard stand for it.
    /// </summary>
    public AndConstraint<MatrixResponseAssertions> HaveHeaderListing(string header, params string[] required) => Check(Header(header).Lists(required));

    /// <summary>A <c>Retry-After</c> header in seconds or as an HTTP date.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveRetryAfterHeader() => Check(ErrorVerdicts.RetryAfterHeader());

    /// <summary>A non-empty <c>flows</c> array whose every entry has a string <c>type</c> (GET /login).</summary>
    public AndConstraint<MatrixResponseAssertions> HaveLoginFlowsWithTypes() => Check(LoginVerdicts.FlowsWithTypes());

    /// <summary>
    /// A get_token answer that matches the user's <c>m.get_login_token</c> capability: a login token when it says
    /// enabled, a refusal when it says disabled.
    /// </summary>
    public AndConstraint<MatrixResponseAssertions> IssueALoginTokenExactlyWhen(bool capabilityEnabled) =>
        Check(LoginVerdicts.LoginTokenIssuedExactlyWhen(capabilityEnabled));

    /// <summary>A UIA challenge: 401 with <c>flows</c>, each flow an object with a <c>stages</c> array of strings.</summary>
    /// <param name="mayOfferNoFlow">Whether an empty <c>flows</c> array passes (see <see cref="UiaVerdicts.Challenge"/>).</param>
    public AndConstraint<MatrixResponseAssertions> BeUiaChallenge(bool mayOfferNoFlow = false) => Check(UiaVerdicts.Challenge(mayOfferNoFlow));

    /// <summary>A failed UIA stage: 401 with the flows, and the standard string <c>errcode</c> and <c>error</c>.</summary>
    public AndConstraint<MatrixResponseAssertions> BeFailedUiaStage() => Check(UiaVerdicts.FailedStage());

    /// <summary>A 200 GET /devices whose list includes <paramref name="deviceId"/>.</summary>
    public AndConstraint<MatrixResponseAssertions> ListTheDevice(string deviceId) => Check(DeviceVerdicts.Lists(deviceId));

    /// <summary>A 200 GET /devices listing exactly <paramref name="deviceIds"/>, in any order.</summary>
    public AndConstraint<MatrixResponseAssertions> ListExactlyTheDevices(params string[] deviceIds) => Check(DeviceVerdicts.ListsExactly(deviceIds));

    /// <summary>
    /// The answer to a retried, completed registration session: the same result (200 for <paramref name="userId"/>, the user the session registered)
    /// or a 401; never a second account or another error.
    /// </summary>
    public AndConstraint<MatrixResponseAssertions> BeTheSameRegistrationOrUiaRefusal(string userId) =>
        Check(RegistrationVerdicts.SameRegistrationOrUiaRefusal(userId));

    /// <summary>A string <c>user_id</c> whose localpart is exactly <paramref name="localpart"/>.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveUserIdWithLocalpart(string localpart) =>
        Check(Field("user_id").IsStringWhere($"a user ID with the localpart \"{localpart}\"", id => new Identifiers.UserId(id).Localpart == localpart));

    /// <summary>A GET /devices/{deviceId} answer that is not that device: 404, or a 200 that does not name it.</summary>
    public AndConstraint<MatrixResponseAssertions> NotBeTheDevice(string deviceId) =>
        Check(Matchers.AnyOf(Status(404), Matchers.All(Status(200), Field("device_id").IsNot(deviceId)))
            .Expecting($"no device {deviceId} (404, or an answer that does not name it)", Got));

    /// <summary>A refusal: a 4xx status, whatever its errcode (which a rule of its own may judge).</summary>
    public AndConstraint<MatrixResponseAssertions> BeARefusal() => Check(ClientError());

    /// <summary>No account or session came of the request (a registration, or a login): not a 2xx, and no <c>user_id</c> or <c>access_token</c> in the body.</summary>
    public AndConstraint<MatrixResponseAssertions> NotRegisterAnAccount() => Check(RegistrationVerdicts.NoAccount());

    /// <summary>A 2xx with no sign of endpoint logic (no UIA flows, no errcode): what OPTIONS must get.</summary>
    public AndConstraint<MatrixResponseAssertions> BeSuccessfulWithoutRunningTheEndpoint() => Check(CorsVerdicts.AnsweredWithoutRunningTheEndpoint());

    /// <summary>The top-level array lists every one of <paramref name="values"/>, among any others.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveArrayListing(string name, params string[] values) => Check(Field(name).Lists(values));

    /// <summary>An OAuth 2.0 error response: this status and one of these <c>error</c> codes.</summary>
    public AndConstraint<MatrixResponseAssertions> BeOAuthError(int status, params string[] errors) => Check(OAuthVerdicts.Error(status, errors));

    /// <summary>A device authorization response with the fields RFC 8628 requires.</summary>
    public AndConstraint<MatrixResponseAssertions> BeADeviceAuthorization() => Check(OAuthVerdicts.DeviceAuthorization());

    /// <summary>OAuth 2.0 server metadata with every field the schema requires.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveTheRequiredOAuthMetadata() => Check(OAuthVerdicts.RequiredMetadata());

    /// <summary>The string field <paramref name="name"/> is an absolute URL.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveAUrlIn(string name) => Check(OAuthVerdicts.Url(name));

    /// <summary>An <c>issuer</c> that is an https URL without query or fragment.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveAnHttpsIssuer() => Check(OAuthVerdicts.HttpsIssuer());

    /// <summary>A client registration answered 201 with a <c>client_id</c> and the registered <paramref name="redirectUri"/>.</summary>
    public AndConstraint<MatrixResponseAssertions> BeAClientRegistration(string redirectUri) => Check(OAuthVerdicts.ClientRegistered(redirectUri));

    /// <summary>A client registration made: a 2xx with a <c>client_id</c>.</summary>
    public AndConstraint<MatrixResponseAssertions> GiveAClientId() => Check(OAuthVerdicts.ClientIdGiven());

    /// <summary>A client registration refused for its redirect URI (400 <c>invalid_redirect_uri</c> or <c>invalid_client_metadata</c>).</summary>
    public AndConstraint<MatrixResponseAssertions> BeARedirectUriRefusal() => Check(OAuthVerdicts.RedirectUriRefused());

    /// <summary>No redirect to <paramref name="redirectUri"/>.</summary>
    public AndConstraint<MatrixResponseAssertions> NotRedirectTo(string redirectUri) => Check(OAuthVerdicts.NoRedirectTo(redirectUri));

    /// <summary>An authorization request taken: the server's page, or a redirect carrying no error back to <paramref name="redirectUri"/>.</summary>
    public AndConstraint<MatrixResponseAssertions> TakeTheAuthorizationRequest(string redirectUri) => Check(OAuthVerdicts.AuthorizationTaken(redirectUri));

    /// <summary>An authorization request refused with <paramref name="error"/>, by redirect to <paramref name="redirectUri"/> or a 400 page.</summary>
    public AndConstraint<MatrixResponseAssertions> RefuseTheAuthorizationRequest(string redirectUri, string error) =>
        Check(OAuthVerdicts.AuthorizationRefused(redirectUri, error));

    /// <summary>The SSO redirect endpoint's answer: a redirect to the SSO interface, or a page to choose an IdP.</summary>
    public AndConstraint<MatrixResponseAssertions> RedirectToTheSsoInterface() => Check(LoginVerdicts.SsoRedirect());

    private AndConstraint<MatrixResponseAssertions> Check(Matcher<MatrixResponse> matcher)
    {
        Failures.Report(matcher.Match(Subject), Subject);
        return new(this);
    }
}
