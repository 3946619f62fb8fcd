using System.Collections.Concurrent;
using Conformance.Reference.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Harness.Tests.Support;

/// <summary>A real Kestrel server on a free loopback port that answers every request with a test's own script.</summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private LoopbackApp? _app;
    private int _count;

    private ScriptedServer()
    {
    }

    /// <summary>Where it listens.</summary>
    public Uri BaseUrl => _app!.BaseUrl;

    /// <summary>Every request seen, in order: method, path and query, headers, body.</summary>
    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    /// <summary>Starts a server whose every answer comes from <paramref name="script"/> (given the request's number, from 1).</summary>
    public static async Task<ScriptedServer> StartAsync(Func<HttpContext, int, Task> script)
    {
        var server = new ScriptedServer();
        server._app = await LoopbackApp.StartAsync("http://127.0.0.1:0", _ => { }, app => app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            server.Seen.Enqueue(new SeenRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            await script(context, Interlocked.Increment(ref server._count));
        }));
        return server;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app!.DisposeAsync();
}

/// <summary>One request a scripted server received.</summary>
public sealed record SeenRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
