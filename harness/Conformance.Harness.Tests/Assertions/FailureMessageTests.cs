using Conformance.Harness.Accounts;
using Conformance.Harness.Assertions;
using Conformance.Harness.Client;
using Conformance.Harness.Identifiers;
using Conformance.Harness.Tests.Support;

namespace Conformance.Harness.Tests.Assertions;

/// <summary>Failure messages carry the expectation, the request and the response (the test's command adds its requirement).</summary>
public sealed class FailureMessageTests
{
    [Test]
    public async Task A_failed_error_assertion_shows_the_expectation_the_request_and_the_response()
    {
        var response = await RespondAsync(400, """{"errcode":"M_UNKNOWN","error":"nope"}""");

        var assert = () => response.Should().BeMatrixError(400, ErrCode.UserInUse);

        var message = assert.Should().Throw<AssertionException>().Which.Message;
        message.Should().Contain("Expected HTTP 400 with errcode M_USER_IN_USE, but got HTTP 400 with errcode M_UNKNOWN")
            .And.Contain("POST http://127.0.0.1:")
            .And.Contain("""{"errcode":"M_UNKNOWN","error":"nope"}""");
    }

    [Test]
    public async Task A_message_about_a_secret_field_does_not_quote_its_value()
    {
        var response = await RespondAsync(200, """{"user_id":"@a:x","access_token":"syt_leaked_value_12345"}""");

        var assert = () => response.Should().NotHaveField("access_token");

        assert.Should().Throw<AssertionException>().Which.Message
            .Should().Contain("\"access_token\" is \"<redacted>\" (a string)").And.NotContain("syt_leaked_value_12345");
    }

    [Test]
    public async Task An_assertion_scope_collects_every_failure_before_failing()
    {
        var response = await RespondAsync(400, """{"errcode":"M_UNKNOWN","error":"nope"}""");

        var assert = () =>
        {
            using var scope = new FluentAssertions.Execution.AssertionScope();
            response.Should().HaveStatus(200).And.HaveNonEmptyStringField("user_id");
        };

        assert.Should().Throw<AssertionException>().Which.Message
            .Should().Contain("Expected HTTP 200, but got HTTP 400 with errcode M_UNKNOWN.")
            .And.Contain("Expected a non-empty string \"user_id\", but \"user_id\" is absent.");
    }

    [Test]
    public async Task Braces_in_what_the_server_sent_are_shown_as_sent()
    {
        var response = await RespondAsync(400, """{"errcode":"M_{0}","error":"{reason} {context:x}"}""");

        var assert = () => response.Should().BeMatrixError(400, ErrCode.UserInUse);

        assert.Should().Throw<AssertionException>().Which.Message
            .Should().StartWith("Expected HTTP 400 with errcode M_USER_IN_USE, but got HTTP 400 with errcode M_{0}.")
            .And.Contain("""{"errcode":"M_{0}","error":"{reason} {context:x}"}""");
    }

    [Test]
    public async Task A_matching_error_passes()
    {
        var response = await RespondAsync(400, """{"errcode":"M_USER_IN_USE","error":"taken"}""");

        response.Should().BeMatrixError(400, ErrCode.UserInUse);
    }

    [Test]
    public async Task A_user_ID_outside_the_grammar_fails_with_what_is_wrong()
    {
        var response = await RespondAsync(200, """{"user_id":"@Bad:x"}""");
        var account = new RegisteredAccount(new UserId("@Bad:x"), null, null, null, response);

        var assert = () => account.Should().HaveValidUserId();

        assert.Should().Throw<AssertionException>().Which.Message.Should().Contain("'B'");
    }

    [Test]
    public async Task Map_or_reject_accepts_the_named_refusal_and_a_valid_mapping_only()
    {
        var refused = await RespondAsync(400, """{"errcode":"M_INVALID_USERNAME","error":"bad"}""");
        var wrongCode = await RespondAsync(400, """{"errcode":"M_UNKNOWN","error":"bad"}""");
        var mapped = await RespondAsync(200, "{}");

        new RegistrationOutcome(null, refused).Should().BeMappedToValidUserIdOrRejectedWith(ErrCode.InvalidUsername);
        new RegistrationOutcome(new RegisteredAccount(new UserId("@ok:x"), null, null, null, mapped), null)
            .Should().BeMappedToValidUserIdOrRejectedWith(ErrCode.InvalidUsername);
        var wrong = () => new RegistrationOutcome(null, wrongCode).Should().BeMappedToValidUserIdOrRejectedWith(ErrCode.InvalidUsername);
        var invalid = () => new RegistrationOutcome(new RegisteredAccount(new UserId("@o!k:x"), null, null, null, mapped), null)
            .Should().BeMappedToValidUserIdOrRejectedWith(ErrCode.InvalidUsername);
        wrong.Should().Throw<AssertionException>();
        invalid.Should().Throw<AssertionException>();
    }

    [Test]
    public async Task A_challenge_without_stages_is_not_a_UIA_challenge()
    {
        var response = await RespondAsync(401, """{"flows":[{"type":"m.login.dummy"}]}""");

        var assert = () => response.Should().BeUiaChallenge();

        assert.Should().Throw<AssertionException>().Which.Message.Should().Contain("stages");
    }

    [TestCase("""{"expires_in_ms":"120000"}""", false)]
    [TestCase("""{"expires_in_ms":1.5}""", false)]
    [TestCase("""{}""", false)]
    [TestCase("""{"expires_in_ms":120000}""", true)]
    public async Task An_integer_field_must_hold_a_JSON_integer(string body, bool passes)
    {
        var response = await RespondAsync(200, body);

        PassesOrFailsSaying(() => response.Should().HaveIntegerField("expires_in_ms"), passes, "Expected \"expires_in_ms\" to be an integer");
    }

    [TestCase("""{}""", true)]
    [TestCase("""{"expires_in_ms":300000}""", true)]
    [TestCase("""{"expires_in_ms":"300000"}""", false)]
    public async Task An_optional_integer_field_may_be_absent_but_not_another_type(string body, bool passes)
    {
        var response = await RespondAsync(200, body);

        PassesOrFailsSaying(() => response.Should().HaveIntegerFieldIfAny("expires_in_ms"), passes, "Expected \"expires_in_ms\" to be an integer");
    }

    [TestCase(200, """{"user_id":"@a:x","access_token":"t"}""", false)]
    [TestCase(401, """{"flows":[],"user_id":"@a:x"}""", false)]
    [TestCase(401, """{"flows":[{"stages":["m.login.dummy"]}],"session":"s"}""", true)]
    [TestCase(400, """{"errcode":"M_UNKNOWN","error":"Unknown session ID"}""", true)]
    public async Task Not_registering_means_no_2xx_and_no_account_in_the_body(int status, string body, bool passes)
    {
        var response = await RespondAsync(status, body);

        PassesOrFailsSaying(() => response.Should().NotRegisterAnAccount(), passes, "Expected a refusal that makes no account or session");
    }

    [TestCase(200, """{"login_token":"x","expires_in_ms":1}""", true, true)]
    [TestCase(400, """{"errcode":"M_FORBIDDEN","error":"no"}""", false, true)]
    [TestCase(200, """{"login_token":"x","expires_in_ms":1}""", false, false)]
    [TestCase(400, """{"errcode":"M_FORBIDDEN","error":"no"}""", true, false)]
    public async Task A_login_token_is_issued_exactly_when_the_capability_says_so(int status, string body, bool enabled, bool passes)
    {
        var response = await RespondAsync(status, body);

        PassesOrFailsSaying(() => response.Should().IssueALoginTokenExactlyWhen(enabled), passes, "m.get_login_token");
    }

    [TestCase("*", false)]
    [TestCase("*, Authorization", true)]
    [TestCase("X-Requested-With, Content-Type, Authorization", true)]
    public async Task A_wildcard_in_Access_Control_Allow_Headers_does_not_cover_Authorization(string allowHeaders, bool passes)
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            context.Response.Headers["Access-Control-Allow-Headers"] = allowHeaders;
            return Json.WriteAsync(context, 200, "{}");
        });
        using var transport = Transports.For(server.BaseUrl);
        var response = await transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/versions"), new ExchangeLog());

        PassesOrFailsSaying(
            () => response.Should().HaveHeaderListing("Access-Control-Allow-Headers", "X-Requested-With", "Content-Type", "Authorization"),
            passes,
            "Access-Control-Allow-Headers to list");
    }

    private static void PassesOrFailsSaying(Action assert, bool passes, string message)
    {
        if (passes)
        {
            assert.Should().NotThrow();
        }
        else
        {
            assert.Should().Throw<AssertionException>().Which.Message.Should().Contain(message);
        }
    }

    private static async Task<MatrixResponse> RespondAsync(int status, string json)
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, status, json));
        using var transport = Transports.For(server.BaseUrl);
        return await transport.SendAsync(MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/register", new System.Text.Json.Nodes.JsonObject()), new ExchangeLog());
    }
}
