using System.Diagnostics;
using System.Text;
using Conformance.Harness.Assertions;
using Conformance.Harness.Client;
using Conformance.Harness.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Conformance.Harness.Tests.Client;

/// <summary>
/// A broken server gets a bounded, plainly worded verdict: the timeout covers the whole body, bodies are cut at the
/// cap, and a body that is not readable JSON is described instead of surfacing as a parser exception.
/// </summary>
public sealed class BrokenAnswerTests
{
    private static readonly TransportSettings Short = new() { RequestTimeout = TimeSpan.FromMilliseconds(800) };

    public static IEnumerable<TestCaseData> UnreadableBodies()
    {
        yield return Body("repeated key", "application/json", """{"errcode":"M_UNKNOWN","error":"x","errcode":"M_FORBIDDEN"}"""u8.ToArray(),
            "the body repeats the key \"errcode\"");
        yield return Body("repeated key in an object inside arrays", "application/json", """{"flows":[[{"type":"a","type":"b"}]]}"""u8.ToArray(),
            "the body repeats the key \"type\"");
        yield return Body("invalid UTF-8", "application/json", [.. """{"error":"caf"""u8, 0xC3, 0x28, .. "\"}"u8], "the body is not valid UTF-8");
        yield return Body("65 levels deep", "application/json", Encoding.ASCII.GetBytes(new string('[', 65) + new string(']', 65)),
            "the body nests deeper than 64 levels");
        yield return Body("HTML", "text/html", "<html><body>Bad gateway</body></html>"u8.ToArray(),
            "the body is not JSON (Content-Type text/html, not application/json)");
        yield return Body("plain text", "text/plain", "OK"u8.ToArray(), "the body is not JSON (Content-Type text/plain, not application/json)");
        yield return Body("truncated JSON labelled JSON", "application/json", """{"errcode":"""u8.ToArray(),
            "the body is not JSON, though its Content-Type says application/json");
    }

    [TestCaseSource(nameof(UnreadableBodies))]
    public async Task An_unreadable_body_is_described_in_the_failure_message(string contentType, byte[] body, string problem)
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            context.Response.ContentType = contentType;
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        using var transport = Transports.For(server.BaseUrl);

        var response = await transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/v3/account/whoami"), new ExchangeLog());
        var check = () => response.Should().HaveNonEmptyStringField("user_id");

        response.BodyProblem.Should().Be(problem);
        response.Json.Should().BeNull();
        check.Should().Throw<AssertionException>().Which.Message.Split('\n')[0].Should().Contain(problem);
    }

    [Test]
    public async Task The_same_key_in_different_objects_is_not_a_repeat()
    {
        const string body = """{"type":"x","flows":[{"type":"a","stages":[{"type":"b"}]},{"type":"c"}],"params":{"type":{"type":1}}}""";
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, 200, body));
        using var transport = Transports.For(server.BaseUrl);

        var response = await transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/keys"), new ExchangeLog());

        response.BodyProblem.Should().BeNull("each \"type\" is the only one in its own object");
        response.Json!.ToJsonString().Should().Be(body);
    }

    [Test]
    public async Task JSON_nested_exactly_64_deep_is_read()
    {
        var deep = """{"a":""" + new string('[', 63) + new string(']', 63) + "}";
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, 200, deep));
        using var transport = Transports.For(server.BaseUrl);

        var response = await transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/deep"), new ExchangeLog());

        response.BodyProblem.Should().BeNull();
        response.Json!.ToJsonString().Should().Be(deep, "64 levels (the object and 63 arrays) parse in full");
    }

    [Test]
    public async Task A_body_trickled_past_the_timeout_fails_within_the_timeout_saying_how_far_it_got()
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentLength = 100;
            for (var i = 0; i < 100 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync("x"u8.ToArray());
                await context.Response.Body.FlushAsync();
                await Task.Delay(300, CancellationToken.None);
            }
        });
        using var transport = Transports.For(server.BaseUrl, Short);
        var log = new ExchangeLog();
        var clock = Stopwatch.StartNew();

        var send = () => transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/slow"), log);

        (await send.Should().ThrowAsync<TransportException>()).Which.Message.Should()
            .StartWith("Incomplete HTTP response: the response body did not finish within 0.8 s (").And.Contain(" bytes read)");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        log.Exchanges.Should().ContainSingle().Which.Response!.StartLine.Should().Be("HTTP 200 OK");
    }

    [Test]
    public async Task A_body_longer_than_the_cap_is_cut_and_says_so()
    {
        var written = 0L;
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 100L * 1024 * 1024;
            var chunk = new byte[64 * 1024];
            // Kestrel turns writes to a gone client into no-ops; a completed flush is what says nobody reads any more.
            while (written < context.Response.ContentLength
                && !(await context.Response.BodyWriter.WriteAsync(chunk, context.RequestAborted)).IsCompleted)
            {
                written += chunk.Length;
            }
        });
        using var transport = Transports.For(server.BaseUrl, new TransportSettings { MaxResponseBodyBytes = 1024 * 1024 });

        var response = await transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/huge"), new ExchangeLog());

        response.BodyText.Length.Should().Be(1024 * 1024);
        response.BodyProblem.Should().Be("the body was cut at 1 MiB of 100 MiB; the rest was not read");
        response.Exchange.Describe().Should().Contain("--- the body was cut at 1 MiB");
        Volatile.Read(ref written).Should().BeLessThan(50L * 1024 * 1024, "the client hung up instead of draining the rest");
    }

    [Test]
    public async Task A_connection_dropped_mid_body_fails_saying_how_far_it_got()
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentLength = 1000;
            await context.Response.Body.WriteAsync("""{"user_id":"""u8.ToArray());
            await context.Response.Body.FlushAsync();
            // A reset right behind the data can overtake it; the test is about a break after part of the body.
            await Task.Delay(200);
            context.Abort();
        });
        using var transport = Transports.For(server.BaseUrl);

        var send = () => transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/cut"), new ExchangeLog());

        (await send.Should().ThrowAsync<TransportException>()).Which.Message.Should().StartWith("Incomplete HTTP response: the connection broke after 11 bytes");
    }

    [Test]
    public async Task A_redirect_says_where_it_pointed_without_the_token_it_echoed()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = "http://elsewhere.invalid/x" + context.Request.QueryString;
            return Task.CompletedTask;
        });
        using var transport = Transports.For(server.BaseUrl);
        var request = MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/v3/account/whoami") with { Query = [new("access_token", "echoed-secret")] };

        var response = await transport.SendAsync(request, new ExchangeLog());

        response.Summary.Should().StartWith("HTTP 302: the server redirected to http://elsewhere.invalid/x?access_token=<redacted> (not followed");
        response.Exchange.Describe().Should().NotContain("echoed-secret");
    }

    [Test]
    public async Task Once_the_run_budget_is_used_up_every_request_fails_at_once()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var transport = Transports.For(server.BaseUrl, new TransportSettings { RunBudget = TimeSpan.FromMilliseconds(500) });
        var clock = Stopwatch.StartNew();

        var first = () => transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/stuck"), new ExchangeLog());
        var next = () => transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/next"), new ExchangeLog());

        (await first.Should().ThrowAsync<TransportException>()).Which.Message.Should()
            .StartWith("No HTTP response: no response: the run budget of 0.5 s (CONFORMANCE_RUN_BUDGET_S) was used up");
        (await next.Should().ThrowAsync<TransportException>()).Which.Message.Should()
            .Be("No request sent: the run budget of 0.5 s (CONFORMANCE_RUN_BUDGET_S) was used up before GET /next");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        server.Seen.Should().ContainSingle();
    }

    private static TestCaseData Body(string name, string contentType, byte[] body, string problem) =>
        new TestCaseData(contentType, body, problem).SetArgDisplayNames(name);
}
