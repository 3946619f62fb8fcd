using System.Diagnostics;

namespace Conformance.VerdictTruth.Support;

/// <summary>How a command-line tool ended: its exit code and what it printed.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Errors">Standard error.</param>
public sealed record ToolResult(int ExitCode, string Output, string Errors);

/// <summary>Starts command-line tools (dotnet, the reference server, Allure, Chromium) the one way these checks need.</summary>
public static class ExternalTool
{
    /// <summary>A start description with both outputs redirected, ready for environment changes.</summary>
    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Runs <paramref name="start"/> to its end; past <paramref name="limit"/> the whole process tree is killed.</summary>
    /// <exception cref="TimeoutException">It did not end within <paramref name="limit"/>.</exception>
    public static async Task<ToolResult> RunAsync(ProcessStartInfo start, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(start);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
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
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {limit.TotalSeconds:0} s");
        }

        return new ToolResult(process.ExitCode, await output, await errors);
    }

    /// <summary>Runs <paramref name="file"/> in <paramref name="workingDirectory"/>; fails with its output unless it exits 0.</summary>
    public static async Task<string> RunCheckedAsync(string file, string workingDirectory, TimeSpan limit, params string[] args)
    {
        var run = await RunAsync(StartInfo(file, args, workingDirectory), limit);
        return run.ExitCode == 0
            ? run.Output
            : throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {run.ExitCode}:\n{run.Errors}\n{run.Output}");
    }
}
