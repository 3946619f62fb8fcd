using Conformance.Harness.Accounts;
using Conformance.Harness.Assertions;
using Conformance.Harness.Client;
using Conformance.Harness.Identifiers;
using Conformance.Harness.Requirements;
using Conformance.Harness.Tests.Support;

namespace Conformance.Harness.Tests.Assertions;

/// <summary>Failure messages carry the request, the response and the requirement the test names.</summary>
public sealed class FailureMessageTests
{
    [Test, Requirement("REG-IN-USE")]
    public async Task A_failed_error_assertion_shows_the_request_the_response_and_the_requirement()
    {
        var response = await RespondAsync(400, """{"errcode":"M_UNKNOWN","error":"nope"}""");

        var assert = () => response.Should().BeMatrixError(400, ErrCode.UserInUse);

        var message = assert.Should().Throw<AssertionException>().Which.Message;
        message.Should().Contain("Expected HTTP 400 with errcode M_USER_IN_USE, but got HTTP 400 with errcode M_UNKNOWN")
            .And.Contain("Requirement REG-IN-USE (MUST)")
            .And.Contain(RequirementCatalogue.Get("REG-IN-USE").Rule)
            .And.Contain("https://spec.matrix.org/v1.19/client-server-api/#post_matrixclientv3register")
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

    private static async Task<MatrixResponse> RespondAsync(int status, string json)
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, status, json));
        using var transport = Transports.For(server.BaseUrl);
        return await transport.SendAsync(MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/register", new System.Text.Json.Nodes.JsonObject()), new ExchangeLog());
    }
}
