using System.Diagnostics;
using System.Text.RegularExpressions;
using Conformance.SpecTable.Command;

namespace Conformance.SpecTable.Runs;

/// <summary>Runs the suite against one server with <c>dotnet test</c>, as a maintainer would, its outputs in a folder of its own.</summary>
public static partial class SuiteRun
{
    /// <summary>The suite's own settings: none of the caller's reaches a run unless given for that server.</summary>
    private const string SettingsPrefix = "CONFORMANCE_";

    /// <summary>
    /// Runs the suite at <paramref name="suite"/> against <paramref name="server"/>'s URL with its settings, writing the
    /// TRX file and the Allure results under <paramref name="folder"/>; returns the Allure results folder and the
    /// suite's closing line (or what went wrong).
    /// </summary>
    public static async Task<(string ResultsFolder, string Said)> RunAsync(ServerSource server, string suite, string folder)
    {
        ArgumentNullException.ThrowIfNull(server);
        var results = Path.Combine(folder, "allure-results");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "test", suite, "--logger", $"trx;LogFileName={server.Name}.trx", "--logger", "console;verbosity=normal", "--results-directory", folder,
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith(SettingsPrefix, StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in server.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["CONFORMANCE_HOMESERVER_URL"] = server.Url!.ToString();
        start.Environment["CONFORMANCE_RESULTS_DIR"] = results;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // The suite's own last line: "N tests: … passed, … failed, …; summary: …".
        var closing = (await output).Split('\n').Select(l => l.Trim()).LastOrDefault(l => ClosingLine().IsMatch(l));
        var said = closing ?? $"dotnet test exited {process.ExitCode} without the suite's closing line: {(await errors).Trim()}";
        return (results, said);
    }

    // Not dotnet test's own "Total tests: N", which leaves the tests not judged out.
    [GeneratedRegex(@"^[0-9]+ tests: ")]
    private static partial Regex ClosingLine();
}
