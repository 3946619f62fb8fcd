using System.Diagnostics;
using Conformance.Harness.Client;
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
    public async Task A_request_that_opts_out_gets_the_429_itself()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, 429, Limited));
        using var transport = Transports.For(server.BaseUrl);

        var response = await transport.SendAsync(Register() with { RetryRateLimits = false }, new ExchangeLog());

        response.StatusCode.Should().Be(429);
        server.Seen.Should().ContainSingle();
    }

    private static MatrixRequest Register() => MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/register", new System.Text.Json.Nodes.JsonObject());
}
