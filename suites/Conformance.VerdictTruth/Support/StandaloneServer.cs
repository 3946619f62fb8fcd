using System.Diagnostics;

namespace Conformance.VerdictTruth.Support;

/// <summary>The reference homeserver run as its own process, as a maintainer would run it, on a free loopback port.</summary>
public sealed class StandaloneServer : IDisposable
{
    private readonly Process _process;

    private StandaloneServer(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>The URL it printed.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts the server and waits (at most 60 s) for its "Listening on URL" line.</summary>
    public static async Task<StandaloneServer> StartAsync(params string[] flags)
    {
        var start = ExternalTool.StartInfo("dotnet", [RepositoryLayout.ReferenceServerAssembly, "--urls", "http://127.0.0.1:0", .. flags]);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("Listening on ", StringComparison.Ordinal))
                {
                    return new StandaloneServer(process, new Uri(line["Listening on ".Length..]));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Falls through to the error below.
        }

        process.Kill(entireProcessTree: true);
        var errors = await process.StandardError.ReadToEndAsync();
        process.Dispose();
        throw new InvalidOperationException($"The standalone reference homeserver printed no 'Listening on' line: {errors}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
