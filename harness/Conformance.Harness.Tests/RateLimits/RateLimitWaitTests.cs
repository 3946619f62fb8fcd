using System.Diagnostics;
using Conformance.Harness.Client;
using Conformance.Harness.Probes;
using Conformance.Harness.RateLimits;
using Conformance.Harness.Tests.Support;

namespace Conformance.Harness.Tests.RateLimits;

/// <summary>A 429 is waited out and retried, never handed to a test as a verdict (against a real local server).</summary>
public sealed class RateLimitWaitTests
{
    private const string Limited = """{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests"}""";

    [Test]
    public async Task Waits_the_Retry_After_header_then_retries()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) =>
        {
            if (n > 1)
            {
                return Json.WriteAsync(context, 200, "{}");
            }

            context.Response.Headers.RetryAfter = "1";
            return Json.WriteAsync(context, 429, Limited);
        });
        using var transport = Transports.For(server.BaseUrl);
        var clock = Stopwatch.StartNew();

        var response = await transport.SendAsync(Register(), new ExchangeLog());

        response.StatusCode.Should().Be(200);
        server.Seen.Should().HaveCount(2);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
    }

    [Test]
    public async Task Waits_retry_after_ms_from_the_body_when_there_is_no_header()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) => n > 1
            ? Json.WriteAsync(context, 200, "{}")
            : Json.WriteAsync(context, 429, """{"errcode":"M_LIMIT_EXCEEDED","error":"slow down","retry_after_ms":400}"""));
        using var transport = Transports.For(server.BaseUrl);
        var clock = Stopwatch.StartNew();

        var response = await transport.SendAsync(Register(), new ExchangeLog());

        response.StatusCode.Should().Be(200);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(380));
    }

    [Test]
    public async Task Records_the_429_it_waited_out()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) => n > 1
            ? Json.WriteAsync(context, 200, "{}")
            : Json.WriteAsync(context, 429, """{"errcode":"M_LIMIT_EXCEEDED","error":"x","retry_after_ms":10}"""));
        using var transport = Transports.For(server.BaseUrl);
        var log = new ExchangeLog();

        await transport.SendAsync(Register(), log);

        log.Exchanges.Select(e => e.Response!.StartLine).Should().Equal("HTTP 429 Too Many Requests", "HTTP 200 OK");
    }

    [Test]
    public async Task A_wait_longer_than_the_cap_makes_the_test_inconclusive_at_once()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            context.Response.Headers.RetryAfter = "86400";
            return Json.WriteAsync(context, 429, Limited);
        });
        using var transport = Transports.For(server.BaseUrl, new TransportSettings { MaxRateLimitWait = TimeSpan.FromSeconds(5) });

        var send = () => transport.SendAsync(Register(), new ExchangeLog());

        (await send.Should().ThrowAsync<InconclusiveException>()).Which.Message.Should().Contain("86400 s").And.Contain("never a verdict");
        server.Seen.Should().ContainSingle();
    }

    [Test]
    public async Task A_wait_past_the_patience_names_its_family_in_a_group_every_such_test_shares()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            context.Response.Headers.RetryAfter = "279";
            return Json.WriteAsync(context, 429, Limited);
        });
        var notices = new List<string>();
        using var transport = new MatrixTransport(server.BaseUrl, new TransportSettings(), new RateLimitGate(), notices.Add, () => "this test");

        var first = await Inconclusive(() => transport.SendAsync(Login(), new ExchangeLog()));
        var second = await Inconclusive(() => transport.SendAsync(Login(), new ExchangeLog()));

        NotJudgedReason.Of(first).Should().Be(NotJudgedReason.Of(second));
        NotJudgedReason.Of(first).Group.Should().Be("A rate limit on login outlasts the harness's patience");
        NotJudgedReason.Of(first).Remedy.Should().StartWith("Set CONFORMANCE_RATE_LIMIT_PATIENCE_S to at least 279 ").And.Contain("SERVERS.md, \"Rate limits\"");
        first.Should().Contain("asked to wait 279 s").And.Contain("never a verdict").And.Contain("HTTP 429");
        notices.Should().ContainSingle("the cost is told once, at the first such 429")
            .Which.Should().Contain("A rate limit on login outlasts").And.Contain("1 test has sent login requests")
            .And.Contain("CONFORMANCE_RATE_LIMIT_PATIENCE_S to at least 279");
    }

    [Test]
    public void Patience_sets_the_longest_wait_and_three_times_it_per_request()
    {
        var settings = new TransportSettings().WithRateLimitPatience(TimeSpan.FromSeconds(280));

        (settings.MaxRateLimitWait, settings.RateLimitBudget).Should().Be((TimeSpan.FromSeconds(280), TimeSpan.FromSeconds(840)));
        (new TransportSettings().MaxRateLimitWait, new TransportSettings().RateLimitBudget).Should().Be((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(180)));
        TransportSettings.PatienceFor(TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(160)).Should().Be(70, "210 s in all needs a patience of 70 s");
    }

    [Test]
    public async Task The_first_429_of_the_run_is_kept_with_its_exchange()
    {
        await using var server = await ScriptedServer.StartAsync((context, n) => n switch
        {
            1 => Json.WriteAsync(context, 200, "{}"),
            2 => Json.WriteAsync(context, 429, """{"errcode":"M_LIMIT_EXCEEDED","error":"first","retry_after_ms":10}"""),
            _ => Json.WriteAsync(context, 429, """{"errcode":"M_LIMIT_EXCEEDED","error":"later","retry_after_ms":10}"""),
        });
        using var transport = Transports.For(server.BaseUrl);
        transport.FirstRateLimitedAnswer.Should().BeNull();

        await transport.SendAsync(Register(), new ExchangeLog());
        await transport.SendAsync(Register() with { RetryRateLimits = false }, new ExchangeLog());
        await transport.SendAsync(Register() with { RetryRateLimits = false }, new ExchangeLog());

        transport.FirstRateLimitedAnswer!.BodyText.Should().Contain("first");
        transport.FirstRateLimitedAnswer.Exchange.Response!.StartLine.Should().Be("HTTP 429 Too Many Requests");
    }

    [Test]
    public async Task A_request_that_opts_out_gets_the_429_itself()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, 429, Limited));
        using var transport = Transports.For(server.BaseUrl);

        var response = await transport.SendAsync(Register() with { RetryRateLimits = false }, new ExchangeLog());

        response.StatusCode.Should().Be(429);
        server.Seen.Should().ContainSingle();
    }

    private static async Task<string> Inconclusive(Func<Task> send) => (await send.Should().ThrowAsync<InconclusiveException>()).Which.Message;

    private static MatrixRequest Login() => MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/login", new System.Text.Json.Nodes.JsonObject());

    private static MatrixRequest Register() => MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/register", new System.Text.Json.Nodes.JsonObject());
}
