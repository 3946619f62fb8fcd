using System.Text.Json;
using Conformance.VerdictTruth.KillMatrix;
using Conformance.VerdictTruth.Secrets;

namespace Conformance.VerdictTruth.Support;

/// <summary>Runs the built suite inside this process, isolated in its own load context, against a server URL.</summary>
public static class InProcessSuite
{
    /// <summary>
    /// Runs the whole suite against <paramref name="server"/>, a server set up like <see cref="MatrixRows.Base"/> (its
    /// registration token and application service), and returns every test's verdict, the secrets it used, what it
    /// printed, and where any of those secrets turned up in what it printed or wrote.
    /// </summary>
    /// <param name="server">The server under test.</param>
    /// <param name="seed">The data seed, so a row can be replayed.</param>
    /// <param name="allureResults">Where the run's Allure results go; null: a scratch folder, deleted afterwards.</param>
    /// <param name="settings">More runsettings parameters (e.g. <c>RequestTimeoutSeconds</c>); they win over the defaults above.</param>
    public static async Task<InProcessSuiteResult> RunAsync(
        Uri server, int seed, string? allureResults = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var parameters = new Dictionary<string, string>
        {
            ["HomeserverUrl"] = server.ToString(),
            ["RegistrationToken"] = MatrixRows.RegistrationToken,
            ["ExclusiveUsernamePrefix"] = MatrixRows.ExclusivePrefix,
            ["AppServiceToken"] = MatrixRows.AppServiceToken,
            ["Seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        // Each run's report goes to a folder of its own: the matrix judges verdicts, not reports.
        var scratch = allureResults is null ? Directory.CreateTempSubdirectory("conformance-matrix-") : null;
        parameters["AllureResultsDirectory"] = allureResults ?? Path.Combine(scratch!.FullName, "allure-results");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            parameters[name] = value;
        }

        var context = new SuiteLoadContext(RepositoryLayout.SuiteAssembly);
        try
        {
            var entry = context.LoadFromAssemblyPath(typeof(IsolatedSuiteEntry).Assembly.Location)
                .GetType(typeof(IsolatedSuiteEntry).FullName!, throwOnError: true)!
                .GetMethod(nameof(IsolatedSuiteEntry.Run))!;
            // NUnit's runner blocks until the run ends: give it a thread of its own, not one the pool needs for the
            // run's own continuations (several runs at once would otherwise starve it).
            var json = await Task.Factory.StartNew(
                () => (string)entry.Invoke(null, [RepositoryLayout.SuiteAssembly, parameters, 4])!,
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            var run = JsonSerializer.Deserialize<InProcessSuiteResult>(json) ?? new InProcessSuiteResult([], [], []);
            // Every file the run wrote sits in the folder holding the results (the summary and JUnit XML beside them).
            var written = Directory.GetParent(Path.GetFullPath(parameters["AllureResultsDirectory"]))!;
            return run with { Leaks = SecretScan.Find(run.SecretsUsed, run.Printed, written) };
        }
        finally
        {
            context.Unload();
            scratch?.Delete(recursive: true);
        }
    }
}
