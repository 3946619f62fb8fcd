using System.Text.RegularExpressions;
using System.Xml.Linq;
using Conformance.Reference.Faults;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.Reports;

/// <summary>
/// The suite run as a maintainer runs it (<c>dotnet test</c>, console at normal verbosity, a TRX logger) ends with its
/// own one-line verdict, and its numbers are the TRX file's: total, passed, failed, and the rest (Inconclusive and
/// Warning, which TRX counts as not executed) split into known failures, flagged fixed ones and not judged by kind.
/// </summary>
public sealed partial class ClosingLineTests
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    [Test]
    public async Task Against_the_embedded_server_the_line_agrees_with_the_TRX()
    {
        var run = await RunTheSuiteAsync(server: null, knownFailures: null);

        var line = run.Line;
        (line.Total, line.Passed, line.Failed, line.Others).Should().Be(run.Counters.Numbers, "the line counts as the TRX does: {0}", line.Text);
        line.NotJudged.Should().BeGreaterThan(0, "some rules bind only servers without a feature the embedded one offers: {0}", line.Text);
        line.Failed.Should().Be(0, line.Text);
        run.SummaryNamed.Should().BeTrue("the line names the summary the run wrote: {0}", line.Text);
    }

    [Test]
    public async Task With_failures_known_failures_a_fixed_entry_and_features_off_the_line_agrees_with_the_TRX()
    {
        // One fault fails two tests: one is listed (a known failure), the other fails the run. A passing test listed by
        // name fails as fixed; guests off and no registration token given leave tests not judged for two causes.
        using var server = await StandaloneServer.StartAsync("--fault", FaultCatalogue.TakenUsernameForbidden.Name, "--guests", "off");
        string[] list =
        [
            "RegistrationUiaTests.A_taken_username_is_refused_on_the_first_request_before_UIA",
            "TokenAndLogoutTests.Whoami_answers_user_id_and_device_id",
        ];

        var run = await RunTheSuiteAsync(server.BaseUrl, list);

        var line = run.Line;
        (line.Total, line.Passed, line.Failed, line.Others).Should().Be(run.Counters.Numbers, "the line counts as the TRX does: {0}", line.Text);
        line.Failed.Should().Be(2, "the unlisted failure and the fixed entry fail the run: {0}", line.Text);
        line.Text.Should().Contain("2 failed (1 MUST, 1 fixed known failure)").And.Contain("1 known failure (1 MUST)")
            .And.MatchRegex(@"not judged \(.*feature off.*\)").And.MatchRegex(@"not judged \(.*setting missing.*\)");
    }

    private static async Task<SuiteOutputs> RunTheSuiteAsync(Uri? server, string[]? knownFailures)
    {
        var work = Directory.CreateTempSubdirectory("closing-line-");
        try
        {
            var start = ExternalTool.StartInfo(
                "dotnet",
                ["test", RepositoryLayout.SuiteAssembly, "--logger", "console;verbosity=normal", "--logger", "trx;LogFileName=run.trx",
                    "--results-directory", work.FullName]);
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("CONFORMANCE_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment["CONFORMANCE_RESULTS_DIR"] = Path.Combine(work.FullName, "allure-results");
            if (server is not null)
            {
                start.Environment["CONFORMANCE_HOMESERVER_URL"] = server.ToString();
            }

            if (knownFailures is not null)
            {
                var list = Path.Combine(work.FullName, "known-failures.txt");
                await File.WriteAllLinesAsync(list, knownFailures);
                start.Environment["CONFORMANCE_KNOWN_FAILURES"] = list;
            }

            var run = await ExternalTool.RunAsync(start, RunLimit);
            var lines = run.Output.Split('\n').Select(l => l.Trim()).Where(l => Closing().IsMatch(l)).ToList();
            lines.Should().ContainSingle("the run prints its closing line once:\n{0}\n{1}", run.Output, run.Errors);
            var counters = XDocument.Load(Path.Combine(work.FullName, "run.trx")).Descendants(Trx + "Counters").Single();
            TestContext.Out.WriteLine(lines[0]);
            var line = ClosingCounts.Parse(lines[0], Closing().Match(lines[0]));
            var summary = Path.Combine(work.FullName, "summary.md");
            return new SuiteOutputs(line, TrxCounts.Of(counters), line.Summary == summary && File.Exists(summary));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The closing line's form (<c>ClosingLine</c> in the harness), every optional part named.</summary>
    [GeneratedRegex(@"^(?<total>\d+) tests?: (?<passed>\d+) passed, (?<failed>\d+) failed(?: \((?<failedWhy>[^)]*)\))?"
        + @"(?:, (?<known>\d+) known failures?(?: \([^)]*\))?)?(?:, (?<flagged>\d+) fixed known failures? flagged)?"
        + @", (?<notJudged>\d+) not judged(?: \((?<kinds>[^)]*)\))?(?:; \d+ listed requirements? fixed \([^)]*\))?; summary: (?<summary>.+)$")]
    private static partial Regex Closing();

    private sealed record SuiteOutputs(ClosingCounts Line, TrxCounts Counters, bool SummaryNamed);

    /// <summary>What the TRX file counts: passed, failed (errors, timeouts and aborts too), and the rest of the total.</summary>
    private sealed record TrxCounts(int Total, int Passed, int Failed)
    {
        public (int Total, int Passed, int Failed, int Others) Numbers => (Total, Passed, Failed, Total - Passed - Failed);

        public static TrxCounts Of(XElement counters)
        {
            int Attribute(string name) => (int?)counters.Attribute(name) ?? 0;
            return new TrxCounts(Attribute("total"), Attribute("passed"),
                Attribute("failed") + Attribute("error") + Attribute("timeout") + Attribute("aborted"));
        }
    }

    /// <summary>The closing line's numbers, checked against themselves: the parts in parentheses add up.</summary>
    private sealed record ClosingCounts(string Text, int Total, int Passed, int Failed, int Others, int NotJudged, string Summary)
    {
        public static ClosingCounts Parse(string text, Match match)
        {
            int Number(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var (failed, notJudged) = (Number("failed"), Number("notJudged"));
            SumOf(match.Groups["failedWhy"].Value).Should().Be(failed, "the failures by level add up to the failed: {0}", text);
            SumOf(match.Groups["kinds"].Value).Should().Be(notJudged, "the not judged by kind add up: {0}", text);
            (Number("passed") + failed + Number("known") + Number("flagged") + notJudged).Should().Be(Number("total"), "the parts make the total: {0}", text);
            return new ClosingCounts(text, Number("total"), Number("passed"), failed, Number("known") + Number("flagged") + notJudged, notJudged,
                match.Groups["summary"].Value);
        }

        /// <summary>"1 MUST, 1 fixed known failure" is 2; an empty list is 0.</summary>
        private static int SumOf(string parts) => parts.Length == 0
            ? 0
            : parts.Split(", ").Sum(p => int.Parse(p.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
    }
}
