using System.Diagnostics;

namespace Conformance.VerdictTruth.Support;

/// <summary>Runs a command-line tool to completion within a time limit and returns what it printed.</summary>
public static class ExternalTool
{
    /// <summary>Runs <paramref name="file"/> in <paramref name="workingDirectory"/>; fails with its output unless it exits 0.</summary>
    public static async Task<string> RunAsync(string file, string workingDirectory, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {limit.TotalSeconds:0} s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{await errors}\n{await output}");
        }

        return await output;
    }
}
