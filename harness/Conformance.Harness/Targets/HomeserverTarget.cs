using Conformance.Reference.Hosting;

namespace Conformance.Harness.Targets;

/// <summary>The server a run is aimed at; owns the embedded reference homeserver when it started one.</summary>
public sealed class HomeserverTarget : IAsyncDisposable
{
    private readonly ReferenceHomeserver? _embedded;

    private HomeserverTarget(Uri baseUrl, ReferenceHomeserver? embedded)
    {
        BaseUrl = baseUrl;
        _embedded = embedded;
    }

    /// <summary>The server's base URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Whether this is the reference homeserver started in-process for the run.</summary>
    public bool IsEmbedded => _embedded is not null;

    /// <summary>A server somebody else runs.</summary>
    public static HomeserverTarget Remote(Uri baseUrl) => new(baseUrl, null);

    /// <summary>Starts the reference homeserver in-process on a free loopback port.</summary>
    public static async Task<HomeserverTarget> StartEmbeddedAsync(ReferenceHomeserverOptions options, CancellationToken ct = default)
    {
        var server = await ReferenceHomeserver.StartAsync(options, "http://127.0.0.1:0", ct);
        return new HomeserverTarget(server.BaseUrl, server);
    }

    /// <summary>One line for the console: the URL and whether it is embedded.</summary>
    public string Describe() => IsEmbedded
        ? $"{BaseUrl} (embedded reference homeserver, started for this run)"
        : $"{BaseUrl} (external server)";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }
    }
}
