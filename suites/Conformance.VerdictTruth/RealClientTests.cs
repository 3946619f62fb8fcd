using System.Diagnostics;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth;

/// <summary>
/// matrix-js-sdk, a client nobody here wrote, registers, logs in, refreshes and logs out against the standalone
/// reference homeserver. If it disagrees with our server, our server is wrong until proven otherwise.
/// </summary>
public sealed class RealClientTests
{
    [Test]
    public async Task Matrix_js_sdk_registers_logs_in_refreshes_and_logs_out_against_the_standalone_server()
    {
        var folder = Path.Combine(RepositoryLayout.Root, "fixtures", "RealClient");
        File.Exists(Path.Combine(folder, "node_modules", "matrix-js-sdk", "package.json")).Should()
            .BeTrue($"matrix-js-sdk must be installed first: npm ci --prefix fixtures/RealClient");
        using var server = await StandaloneServer.StartAsync();

        var (exitCode, output) = await RunNodeAsync(folder, "check.mjs", server.BaseUrl.ToString().TrimEnd('/'));

        exitCode.Should().Be(0, output);
        output.Should().Contain("matrix-js-sdk check passed");
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
