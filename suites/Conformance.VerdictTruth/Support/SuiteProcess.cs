using System.Xml.Linq;
using Conformance.VerdictTruth.Secrets;

namespace Conformance.VerdictTruth.Support;

/// <summary>Runs the built suite with <c>dotnet test</c> in its own process and reads the verdicts from its TRX file.</summary>
public static class SuiteProcess
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>
    /// Runs the suite, with <paramref name="homeserverUrl"/> as CONFORMANCE_HOMESERVER_URL (null: the embedded server)
    /// and any <paramref name="environment"/> given, and returns its exit code, each test's outcome, its summary, and
    /// where any of <paramref name="secrets"/> turned up in its console output or the files it wrote (TRX, Allure
    /// results, summary, JUnit XML).
    /// </summary>
    /// <param name="homeserverUrl">The server under test, or null for the embedded one.</param>
    /// <param name="limit">How long the run may take.</param>
    /// <param name="environment">More environment variables for the run.</param>
    /// <param name="secrets">Values that must not turn up in anything the run prints or writes.</param>
    /// <param name="filter">A <c>dotnet test --filter</c> expression, or null to run every test.</param>
    public static async Task<SuiteProcessResult> RunAsync(
        Uri? homeserverUrl, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyCollection<string>? secrets = null,
        string? filter = null)
    {
        var results = Directory.CreateTempSubdirectory("conformance-suite-run-");
        try
        {
            var start = ExternalTool.StartInfo(
                "dotnet",
                ["test", RepositoryLayout.SuiteAssembly, "--logger", "trx;LogFileName=verdicts.trx", "--results-directory", results.FullName,
                    .. filter is null ? Array.Empty<string>() : ["--filter", filter]]);
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("CONFORMANCE_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }

            if (homeserverUrl is not null)
            {
                start.Environment["CONFORMANCE_HOMESERVER_URL"] = homeserverUrl.ToString();
            }

            // Its report stays with its own results, away from the report of the run a maintainer reads.
            start.Environment["CONFORMANCE_RESULTS_DIR"] = Path.Combine(results.FullName, "allure-results");

            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            var run = await ExternalTool.RunAsync(start, limit);
            var trx = Path.Combine(results.FullName, "verdicts.trx");
            if (!File.Exists(trx))
            {
                throw new InvalidOperationException($"The suite run wrote no TRX file:\n{run.Output}\n{run.Errors}");
            }

            var summary = Path.Combine(results.FullName, "summary.md");
            var junit = Path.Combine(results.FullName, "junit.xml");
            return new SuiteProcessResult(
                run.ExitCode,
                Read(XDocument.Load(trx)),
                File.Exists(summary) ? await File.ReadAllTextAsync(summary) : string.Empty,
                File.Exists(junit) ? XDocument.Load(junit) : new XDocument(),
                SecretScan.Find(secrets ?? [], [run.Output, run.Errors], results));
        }
        finally
        {
            results.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Read(XDocument trx)
    {
        var names = trx.Descendants(Trx + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id")!,
            t => $"{(string)t.Element(Trx + "TestMethod")!.Attribute("className")!}.{(string)t.Attribute("name")!}");
        return trx.Descendants(Trx + "UnitTestResult").ToDictionary(
            r => names[(string)r.Attribute("testId")!],
            r => (string)r.Attribute("outcome")!);
    }
}
