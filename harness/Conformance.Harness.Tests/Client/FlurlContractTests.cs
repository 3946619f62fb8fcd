using System.Text;
using Conformance.Harness.Client;
using Conformance.Harness.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Conformance.Harness.Tests.Client;

/// <summary>
/// Exercises every Flurl.Http member the transport calls (FlurlClient(HttpClient), the client's AllowAnyHttpStatus and
/// Settings.Timeout, FlurlRequest(Url) with its Client, Flurl's Url(string), WithOAuthBearerToken, SendAsync) against a
/// real server. Flurl.Http 2.4.2 runs on a Flurl it was not
/// built against; a member that broke would throw MissingMethodException here instead of in a user's run.
/// </summary>
public sealed class FlurlContractTests
{
    [TestCase("GET")]
    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task Sends_method_path_query_token_and_body_and_reads_status_headers_and_body(string method)
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            context.Response.Headers["X-Echo"] = "yes";
            return Json.WriteAsync(context, 201, """{"ok":true}""");
        });
        using var transport = Transports.For(server.BaseUrl);
        var request = new MatrixRequest
        {
            Method = new HttpMethod(method),
            Path = "/_matrix/client/v3/devices/A%2FB",
            Query = [new("kind", "guest"), new("q", "a b&c")],
            Content = Encoding.UTF8.GetBytes("""{"x":1}"""),
            ContentType = "application/json",
            AccessToken = "secret-token",
        };

        var response = await transport.SendAsync(request, new ExchangeLog());

        var seen = server.Seen.Single();
        seen.Method.Should().Be(method);
        seen.PathAndQuery.Should().Be("/_matrix/client/v3/devices/A%2FB?kind=guest&q=a%20b%26c");
        seen.Headers["Authorization"].Should().Be("Bearer secret-token");
        seen.Headers["Content-Type"].Should().StartWith("application/json");
        seen.Body.Should().Be("""{"x":1}""");
        response.StatusCode.Should().Be(201);
        response.Headers["X-Echo"].Should().Be("yes");
        response.MediaType.Should().Be("application/json");
        response.Body!["ok"]!.GetValue<bool>().Should().BeTrue();
    }

    [Test]
    public async Task Error_statuses_come_back_as_responses_not_exceptions()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, 500, """{"errcode":"M_UNKNOWN","error":"boom"}"""));
        using var transport = Transports.For(server.BaseUrl);

        var response = await transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/x"), new ExchangeLog());

        response.StatusCode.Should().Be(500);
        response.ErrCode.Should().Be("M_UNKNOWN");
    }

    [Test]
    public async Task A_server_that_does_not_answer_in_time_gives_a_transport_error_that_says_so()
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as the test wants.
            }
        });
        using var transport = Transports.For(server.BaseUrl, new TransportSettings { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        var log = new ExchangeLog();

        var send = () => transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/slow"), log);

        (await send.Should().ThrowAsync<TransportException>()).Which.Message.Should().Contain("no response within");
        log.Exchanges.Should().ContainSingle().Which.Response.Should().BeNull();
    }

    [Test]
    public async Task A_refused_connection_gives_a_transport_error()
    {
        var server = await ScriptedServer.StartAsync((context, _) => Task.CompletedTask);
        var closedUrl = server.BaseUrl;
        await server.DisposeAsync();
        using var transport = Transports.For(closedUrl);

        var send = () => transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/"), new ExchangeLog());

        await send.Should().ThrowAsync<TransportException>();
    }

    [Test]
    public async Task A_redirect_to_another_origin_is_not_followed_so_the_token_stays_home()
    {
        await using var elsewhere = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, 200, "{}"));
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = new Uri(elsewhere.BaseUrl, "/steal").ToString();
            return Task.CompletedTask;
        });
        using var transport = Transports.For(server.BaseUrl);

        var response = await transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/v3/account/whoami", "secret-token"), new ExchangeLog());

        response.StatusCode.Should().Be(302);
        elsewhere.Seen.Should().BeEmpty();
    }

    [Test]
    public async Task Response_bodies_are_read_only_up_to_the_cap()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => context.Response.WriteAsync(new string('x', 1_000_000)));
        using var transport = Transports.For(server.BaseUrl, new TransportSettings { MaxResponseBodyBytes = 1000 });

        var response = await transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/big"), new ExchangeLog());

        response.BodyText.Length.Should().Be(1000);
    }

    [Test]
    public async Task Recorded_exchanges_carry_no_secrets()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
            Json.WriteAsync(context, 200, """{"user_id":"@a:b","access_token":"issued-token-123","refresh_token":"refresh-456"}"""));
        using var transport = Transports.For(server.BaseUrl);
        var log = new ExchangeLog();
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["username"] = "alice",
            ["password"] = "hunter2-password",
            ["auth"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "m.login.registration_token", ["token"] = "reg-token-789" },
        };

        var response = await transport.SendAsync(MatrixRequest.Json(HttpMethod.Post, "/register", body, "bearer-secret") with { Query = [new("access_token", "query-secret")] }, log);

        response.StringField("access_token").Should().Be("issued-token-123", "tests need the real value");
        var recorded = log.Exchanges.Single().Describe();
        recorded.Should().NotContainAny("hunter2-password", "reg-token-789", "bearer-secret", "query-secret", "issued-token-123", "refresh-456");
        recorded.Should().Contain("alice").And.Contain("@a:b").And.Contain("<redacted>");
    }
}
