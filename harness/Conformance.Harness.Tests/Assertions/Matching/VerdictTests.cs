using Conformance.Harness.Accounts;
using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Assertions.Verdicts;
using Conformance.Harness.Identifiers;

namespace Conformance.Harness.Tests.Assertions.Matching;

/// <summary>The domain verdicts, composed of field checks, each told in words of its own.</summary>
public sealed class VerdictTests
{
    [TestCase(400, """{"errcode":"M_USER_IN_USE","error":"x"}""", null)]
    [TestCase(400, """{"errcode":"M_UNKNOWN","error":"x"}""", "got HTTP 400 with errcode M_UNKNOWN")]
    [TestCase(403, """{"errcode":"M_USER_IN_USE","error":"x"}""", "got HTTP 403 with errcode M_USER_IN_USE")]
    public void MatrixError(int status, string body, string? found) =>
        ErrorVerdicts.MatrixError(400, "M_USER_IN_USE").Match(Responses.Json(status, body))
            .Should().Be(found is null ? null : new Mismatch("HTTP 400 with errcode M_USER_IN_USE", found));

    [TestCase("""{"errcode":"M_X","error":"x"}""", null)]
    [TestCase("""{"errcode":"M_X"}""", "errcode is \"M_X\" and error is absent")]
    [TestCase("[]", "the body is not a JSON object")]
    public void StandardErrorBody(string body, string? found) =>
        ErrorVerdicts.StandardErrorBody().Match(Responses.Json(400, body))
            .Should().Be(found is null ? null : new Mismatch("an error body that is a JSON object with string \"errcode\" and \"error\"", found));

    [TestCase("120", true)]
    [TestCase("Wed, 21 Oct 2015 07:28:00 GMT", true)]
    [TestCase("soon", false)]
    public void RetryAfterHeader(string value, bool passes) =>
        (ErrorVerdicts.RetryAfterHeader().Match(Responses.WithHeaders(("Retry-After", value))) is null).Should().Be(passes);

    [TestCase(401, """{"flows":[{"stages":["m.login.dummy"]}],"session":"s"}""", false, null, null)]
    [TestCase(401, """{"flows":[]}""", true, null, null)]
    [TestCase(401, """{"flows":[]}""", false, "a non-empty \"flows\" array", "\"flows\" is []")]
    [TestCase(400, """{"flows":[]}""", true, "HTTP 401", "got HTTP 400 with no errcode")]
    [TestCase(401, """{"flows":[{"type":"m.login.dummy"}]}""", false, "every flow to have a \"stages\" array of strings", "one flow is {\"type\":\"m.login.dummy\"}")]
    [TestCase(401, """{"flows":[{"stages":[]}],"session":5}""", false, "a string \"session\" when present", "\"session\" is 5")]
    public void UiaChallenge(int status, string body, bool mayOfferNoFlow, string? expected, string? found) =>
        UiaVerdicts.Challenge(mayOfferNoFlow).Match(Responses.Json(status, body)).Should().Be(expected is null ? null : new Mismatch(expected, found!));

    [TestCase(401, """{"flows":[],"session":"s"}""", null)]
    [TestCase(400, """{"errcode":"M_UNKNOWN","error":"x"}""", null)]
    [TestCase(200, """{"user_id":"@a:x"}""", "got HTTP 200 with no errcode for @a:x")]
    [TestCase(401, """{"flows":[],"user_id":"@a:x"}""", "got HTTP 401 with no errcode for @a:x")]
    [TestCase(401, """{"access_token":"t"}""", "got HTTP 401 with no errcode")]
    public void NoAccount(int status, string body, string? found) =>
        RegistrationVerdicts.NoAccount().Match(Responses.Json(status, body))
            .Should().Be(found is null ? null : new Mismatch("a refusal that makes no account or session (such as 401 or 400)", found));

    [TestCase(200, """{"user_id":"@alice:x"}""", null)]
    [TestCase(401, """{"flows":[]}""", null)]
    [TestCase(200, """{"user_id":"@alice2:x"}""", "got HTTP 200 with no errcode for @alice2:x")]
    [TestCase(400, """{"errcode":"M_USER_IN_USE","error":"x"}""", "got HTTP 400 with errcode M_USER_IN_USE")]
    public void The_same_registration_or_a_UIA_refusal(int status, string body, string? found) =>
        RegistrationVerdicts.SameRegistrationOrUiaRefusal("@alice:x").Match(Responses.Json(status, body))
            .Should().Be(found is null ? null : new Mismatch("200 for @alice:x again, or 401", found));

    [TestCase(200, """{"login_token":"t","expires_in_ms":1}""", true, null)]
    [TestCase(403, """{"errcode":"M_FORBIDDEN","error":"x"}""", false, null)]
    [TestCase(200, """{"login_token":"t"}""", false, "got HTTP 200 with no errcode with a login_token")]
    [TestCase(200, """{"login_token":""}""", true, "got HTTP 200 with no errcode")]
    public void A_login_token_exactly_when_the_capability_says_so(int status, string body, bool enabled, string? found)
    {
        var mismatch = LoginVerdicts.LoginTokenIssuedExactlyWhen(enabled).Match(Responses.Json(status, body));

        mismatch?.Actual.Should().Be(found);
        (mismatch is null).Should().Be(found is null);
    }

    [TestCase("""{"flows":[{"type":"m.login.password"}]}""", null)]
    [TestCase("""{"flows":[]}""", "\"flows\" is []")]
    [TestCase("""{"flows":[{"type":"m.login.password"},{"stages":[]}]}""", "\"flows\" is [{\"type\":\"m.login.password\"},{\"stages\":[]}]")]
    public void Login_flows_with_types(string body, string? found) =>
        LoginVerdicts.FlowsWithTypes().Match(Responses.Json(200, body))
            .Should().Be(found is null ? null : new Mismatch("a non-empty \"flows\" array whose every flow has a string \"type\"", found));

    [TestCase(204, "", true)]
    [TestCase(200, "{}", true)]
    [TestCase(401, """{"flows":[]}""", false)]
    [TestCase(200, """{"flows":[]}""", false)]
    [TestCase(200, """{"errcode":"M_UNKNOWN"}""", false)]
    public void OPTIONS_answered_without_running_the_endpoint(int status, string body, bool passes) =>
        (CorsVerdicts.AnsweredWithoutRunningTheEndpoint().Match(Responses.Json(status, body)) is null).Should().Be(passes);

    [Test]
    public void An_unreadable_OPTIONS_answer_is_no_evidence_that_the_endpoint_did_not_run() =>
        CorsVerdicts.AnsweredWithoutRunningTheEndpoint().Match(Responses.Unreadable(200, "the body is not valid UTF-8")).Should().NotBeNull();

    [Test]
    public void An_account_s_user_ID_is_judged_by_the_grammar_and_its_localpart()
    {
        var account = Account("@Bad:x");

        RegistrationVerdicts.UserIdFitsTheGrammar().Match(Account("@ok:x")).Should().BeNull();
        RegistrationVerdicts.UserIdFitsTheGrammar().Match(account)!.Actual.Should().StartWith("\"@Bad:x\" ").And.Contain("'B'");
        RegistrationVerdicts.Localpart("bad").Match(account).Should().Be(new Mismatch("the localpart \"bad\"", "the user ID is \"@Bad:x\""));
    }

    [Test]
    public void Map_or_refuse_takes_a_valid_mapping_or_the_named_refusal()
    {
        var verdict = RegistrationVerdicts.MappedToValidUserIdOrRefusedWith("M_INVALID_USERNAME");

        verdict.Match(new RegistrationOutcome(Account("@ok:x"), null)).Should().BeNull();
        verdict.Match(Refused(400, "M_INVALID_USERNAME")).Should().BeNull();
        verdict.Match(new RegistrationOutcome(Account("@o!k:x"), null))!.Expected.Should().Be("a user ID that fits the grammar");
        verdict.Match(Refused(400, "M_UNKNOWN")).Should().Be(new Mismatch(
            "either a valid user ID or HTTP 400 with errcode M_INVALID_USERNAME", "the server answered HTTP 400 with errcode M_UNKNOWN"));
    }

    [Test]
    public void Registration_outcomes_say_what_the_server_did_instead()
    {
        var registered = new RegistrationOutcome(Account("@ok:x"), null);
        var refused = Refused(403, "M_FORBIDDEN");

        RegistrationVerdicts.RegisteredAnAccount().Match(refused).Should().Be(new Mismatch("the registration to succeed", "the server answered HTTP 403 with errcode M_FORBIDDEN"));
        RegistrationVerdicts.RegisteredAnAccount().Match(new RegistrationOutcome(Account("@o!k:x"), null)).Should().BeNull();
        RegistrationVerdicts.RefusedOrValidUserId().Match(Refused(400, "M_BAD_JSON")).Should().BeNull();
        RegistrationVerdicts.RefusedOrValidUserId().Match(registered).Should().BeNull();
        RegistrationVerdicts.RefusedOrValidUserId().Match(new RegistrationOutcome(Account("@o!k:x"), null))!.Expected.Should().Be("a user ID that fits the grammar");
        RegistrationVerdicts.RefusedOrValidUserId().Match(Refused(500, "M_UNKNOWN"))!.Expected.Should().Be("either a valid user ID or a refusal (4xx)");
        RegistrationVerdicts.Registered("@ok:x").Match(registered).Should().BeNull();
        RegistrationVerdicts.Registered("@other:x").Match(registered).Should().Be(new Mismatch("the user ID @other:x", "the server registered @ok:x"));
        RegistrationVerdicts.Registered("@ok:x").Match(refused)!.Expected.Should().Be("the registration of @ok:x to succeed");
        RegistrationVerdicts.RefusedWithClientError().Match(refused).Should().BeNull();
        RegistrationVerdicts.RefusedWithClientError().Match(registered).Should().Be(new Mismatch("a refusal (4xx)", "the server registered @ok:x"));
        RegistrationVerdicts.RefusedWithClientError().Match(Refused(500, "M_UNKNOWN"))!.Actual.Should().Be("the server answered HTTP 500 with errcode M_UNKNOWN");
        RegistrationVerdicts.RefusedWith(403, "M_FORBIDDEN").Match(refused).Should().BeNull();
        RegistrationVerdicts.RefusedWith(400, "M_USER_IN_USE").Match(registered)!.Expected.Should().Be("a refusal with HTTP 400 and errcode M_USER_IN_USE");
        RegistrationVerdicts.RefusedWith(400, "M_USER_IN_USE").Match(refused)!.Expected.Should().Be("HTTP 400 with errcode M_USER_IN_USE");
    }

    private static RegisteredAccount Account(string userId) => new(new UserId(userId), null, null, null, Responses.Json(200, "{}"));

    private static RegistrationOutcome Refused(int status, string errcode) =>
        new(null, Responses.Json(status, $$"""{"errcode":"{{errcode}}","error":"x"}"""));
}
