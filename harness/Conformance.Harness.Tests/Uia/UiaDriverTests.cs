using System.Text.Json.Nodes;
using Conformance.Harness.Client;
using Conformance.Harness.Tests.Support;
using Conformance.Harness.Uia;
using Conformance.Reference.Hosting;

namespace Conformance.Harness.Tests.Uia;

public sealed class UiaDriverTests
{
    private const string Challenge = """{"flows":[{"stages":["m.login.dummy"]}],"params":{},"session":"S1"}""";

    [Test]
    public async Task Sends_first_without_auth_then_completes_the_dummy_stage_with_the_session()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) =>
            n == 1 ? Json.WriteAsync(context, 401, Challenge) : Json.WriteAsync(context, 200, """{"user_id":"@a:b"}"""));

        var response = await RunAsync(server, new UiaDriver([new DummyStage()]));

        response.StatusCode.Should().Be(200);
        var seen = server.Seen.ToList();
        seen.Should().HaveCount(2);
        JsonNode.Parse(seen[0].Body)!["auth"].Should().BeNull();
        JsonNode.Parse(seen[1].Body)!["auth"]!.ToJsonString().Should().Be("""{"type":"m.login.dummy","session":"S1"}""");
        JsonNode.Parse(seen[1].Body)!["username"]!.GetValue<string>().Should().Be("alice", "every request repeats the parameters");
    }

    [Test]
    public async Task Never_attempts_a_flow_the_server_did_not_offer()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, 401,
            """{"flows":[{"stages":["m.login.email.identity"]},{"stages":["m.login.recaptcha"]}],"session":"S1"}"""));

        var run = () => RunAsync(server, new UiaDriver([new DummyStage()]));

        (await run.Should().ThrowAsync<InconclusiveException>())
            .Which.Message.Should().Contain("[m.login.email.identity] | [m.login.recaptcha]");
        server.Seen.Should().ContainSingle();
    }

    [Test]
    public async Task Picks_the_offered_flow_it_can_complete_and_sends_the_registration_token()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) => n == 1
            ? Json.WriteAsync(context, 401, """{"flows":[{"stages":["m.login.email.identity"]},{"stages":["m.login.registration_token"]}],"session":"S9"}""")
            : Json.WriteAsync(context, 200, """{"user_id":"@a:b"}"""));

        await RunAsync(server, new UiaDriver([new DummyStage(), new RegistrationTokenStage("tok-123")]));

        var auth = JsonNode.Parse(server.Seen.Last().Body)!["auth"]!;
        auth.ToJsonString().Should().Be("""{"type":"m.login.registration_token","session":"S9","token":"tok-123"}""");
    }

    [Test]
    public async Task Completes_a_two_stage_flow_in_order()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) => n switch
        {
            1 => Json.WriteAsync(context, 401, """{"flows":[{"stages":["m.login.registration_token","m.login.dummy"]}],"session":"S2"}"""),
            2 => Json.WriteAsync(context, 401, """{"flows":[{"stages":["m.login.registration_token","m.login.dummy"]}],"session":"S2","completed":["m.login.registration_token"]}"""),
            _ => Json.WriteAsync(context, 200, """{"user_id":"@a:b"}"""),
        });

        var response = await RunAsync(server, new UiaDriver([new DummyStage(), new RegistrationTokenStage("t")]));

        response.StatusCode.Should().Be(200);
        server.Seen.Select(s => JsonNode.Parse(s.Body)!["auth"]?["type"]?.GetValue<string>())
            .Should().Equal(null, "m.login.registration_token", "m.login.dummy");
    }

    [Test]
    public async Task Returns_the_answer_that_refused_a_stage_instead_of_retrying()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, 401, Challenge));

        var response = await RunAsync(server, new UiaDriver([new DummyStage()]));

        response.StatusCode.Should().Be(401);
        server.Seen.Should().HaveCount(2);
    }

    [Test]
    public async Task Registers_an_account_on_the_reference_homeserver()
    {
        await using var server = await ReferenceHomeserver.StartAsync(new ReferenceHomeserverOptions());
        using var transport = Transports.For(server.BaseUrl);

        var response = await new UiaDriver([new DummyStage()]).RunAsync(
            new JsonObject { ["username"] = "driver-check", ["password"] = "pw-1234567890" },
            body => transport.SendAsync(MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/register", body), new ExchangeLog()));

        response.StatusCode.Should().Be(200);
        response.StringField("user_id").Should().Be("@driver-check:localhost");
    }

    private static async Task<MatrixResponse> RunAsync(ScriptedServer server, UiaDriver driver)
    {
        using var transport = Transports.For(server.BaseUrl);
        return await driver.RunAsync(
            new JsonObject { ["username"] = "alice" },
            body => transport.SendAsync(MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/register", body), new ExchangeLog()));
    }
}
