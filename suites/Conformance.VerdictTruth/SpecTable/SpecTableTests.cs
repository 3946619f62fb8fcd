using System.Xml.Linq;
using Conformance.Harness.Requirements;
using Conformance.Reference.Faults;
using Conformance.VerdictTruth.KillMatrix;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.SpecTable;

/// <summary>
/// The spec table command, run as a maintainer runs it against the standalone reference server, two of its variants
/// and one fault (whose second failure is listed as known): every cell and every count agrees with those runs' TRX
/// files, the HTML is a well-formed page, and a reproduction script from the fault's failure, run as written against
/// the same server, gets the same failing answer. The table stays in <c>reports/spec-table/</c> for CI.
/// </summary>
[NonParallelizable]
public sealed class SpecTableTests
{
    private const string Fault = "fault";
    private const string FailingTest = "UserRegistrationTests.Registering_a_taken_username_is_refused_with_M_USER_IN_USE";
    private const string KnownTest = "RegistrationUiaTests.A_taken_username_is_refused_on_the_first_request_before_UIA";
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(15);

    private static readonly (string Name, string[] Flags)[] Servers =
    [
        ("reference", []),
        ("guests-forbidden", ["--variant", "guests-forbidden"]),
        ("no-refresh-tokens", ["--variant", "no-refresh-tokens"]),
        (Fault, ["--fault", FaultCatalogue.TakenUsernameForbidden.Name]),
    ];

    private static readonly string Output = Path.Combine(RepositoryLayout.Root, "reports", "spec-table");
    private static readonly List<StandaloneServer> Started = [];
    private static ToolResult _command = null!;
    private static string _markdown = null!;
    private static Dictionary<string, Dictionary<string, string>> _cells = null!;
    private static HashSet<(string Requirement, string Test)> _tests = null!;

    [OneTimeSetUp]
    public static async Task RunTheCommandAgainstFourServers()
    {
        var arguments = new List<string> { RepositoryLayout.SpecTableAssembly, "--suite", RepositoryLayout.SuiteAssembly, "--out", Output };
        Directory.CreateDirectory(Output);
        var knownFailures = Path.Combine(Output, "fault-known-failures.txt");
        await File.WriteAllLinesAsync(knownFailures, [KnownTest]);
        foreach (var (name, flags) in Servers)
        {
            var server = await StandaloneServer.StartAsync([.. flags, "--registration-token", MatrixRows.RegistrationToken,
                "--appservice", $"{MatrixRows.AppServiceToken}={MatrixRows.ExclusivePrefix}", "--login-token-lifetime-ms", "5000"]);
            Started.Add(server);
            arguments.AddRange(["--server", $"{name}={server.BaseUrl}",
                "--set", $"{name}:CONFORMANCE_REGISTRATION_TOKEN={MatrixRows.RegistrationToken}",
                "--set", $"{name}:CONFORMANCE_APPSERVICE_TOKEN={MatrixRows.AppServiceToken}",
                "--set", $"{name}:CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX={MatrixRows.ExclusivePrefix}"]);
        }

        arguments.AddRange(["--set", $"{Fault}:CONFORMANCE_KNOWN_FAILURES={knownFailures}"]);
        _command = await ExternalTool.RunAsync(ExternalTool.StartInfo("dotnet", arguments), CommandLimit);
        _command.ExitCode.Should().Be(0, "the command writes its tables:\n{0}\n{1}", _command.Output, _command.Errors);
        _markdown = await File.ReadAllTextAsync(Path.Combine(Output, "spec-table.md"));
        _cells = TableCells.Read(_markdown, [.. Servers.Select(s => s.Name)]);
        _tests = CoverageTableTests.ListedTests(await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "suites", "README.md")));
    }

    [OneTimeTearDown]
    public static void StopTheServers() => Started.ForEach(s => s.Dispose());

    [Test]
    public void Every_cell_says_what_its_runs_TRX_says_of_the_requirements_tests()
    {
        _cells.Keys.Should().BeEquivalentTo(RequirementCatalogue.Requirements.Select(r => r.Id), "a row per requirement");
        foreach (var (server, _) in Servers)
        {
            var trx = Trx(server);
            foreach (var requirement in RequirementCatalogue.Requirements)
            {
                var expected = Expected(requirement.Id, trx);
                _cells[requirement.Id][server].Should().StartWith(expected.Prefix, "{0} on {1}", requirement.Id, server);
                if (expected.Reason is { } reason)
                {
                    _cells[requirement.Id][server].Should().Contain(reason, "the cell gives the one-line reason");
                }
            }
        }
    }

    [Test]
    public void The_fault_and_the_variants_show_where_they_differ_from_the_reference_server()
    {
        _cells["REG-IN-USE"][Fault].Should().StartWith("failed: ").And.Contain("M_FORBIDDEN");
        _cells["REG-IN-USE"]["reference"].Should().Be("passed");
        _cells["REG-CHECKS-BEFORE-UIA"][Fault].Should().StartWith("known failure: ");
        _cells.Values.Count(c => c["guests-forbidden"].StartsWith("not judged", StringComparison.Ordinal))
            .Should().BeGreaterThan(_cells.Values.Count(c => c["reference"].StartsWith("not judged", StringComparison.Ordinal)));
        _cells["REG-REFRESH"]["no-refresh-tokens"].Should().NotBe(_cells["REG-REFRESH"]["reference"]);
    }

    [Test]
    public void Every_count_per_spec_version_adds_up_the_TRX_verdicts()
    {
        var names = Servers.Select(s => s.Name).ToList();
        var versions = RequirementCatalogue.Requirements.GroupBy(r => r.Since ?? "r0 (before v1.1)").Append(null);
        foreach (var version in versions)
        {
            var counts = TableCells.Counts(_markdown, version?.Key ?? "all", names);
            foreach (var server in names)
            {
                var trx = Trx(server);
                var kinds = (version ?? RequirementCatalogue.Requirements.AsEnumerable()).Select(r => Expected(r.Id, trx).Prefix).ToList();
                int N(string prefix) => kinds.Count(k => k == prefix);
                var known = N("known failure: ");
                var text = $"{N("passed")} passed, {N("failed: ")} failed, {known} known {(known == 1 ? "failure" : "failures")}, {N("not judged: ")} not judged";
                counts[server].Should().Be(N("no test") == 0 ? text : $"{text}, {N("no test")} without a test", "{0} on {1}", version?.Key ?? "all", server);
            }
        }
    }

    [Test]
    public async Task The_HTML_table_is_a_well_formed_page_with_a_cell_per_requirement_and_server()
    {
        var html = await File.ReadAllTextAsync(Path.Combine(Output, "spec-table.html"));

        html.Should().StartWith("<!DOCTYPE html>");
        // Everything from the runs is escaped, so the page parses as XML too.
        var page = XDocument.Parse(html["<!DOCTYPE html>".Length..]);
        page.Descendants("td").Count(td => td.Attribute("class") is not null)
            .Should().Be(RequirementCatalogue.Requirements.Count * Servers.Length);
        page.Descendants("td").Count(td => (string?)td.Attribute("class") == "failed").Should().Be(_cells.Values.Sum(c => c.Values.Count(v => v.StartsWith("failed", StringComparison.Ordinal))));
    }

    [Test]
    public async Task A_reproduction_from_the_faults_failure_run_as_written_gets_the_same_failing_answer()
    {
        var failure = Trx(Fault)[FailingTest].Single(r => r.Outcome == "Failed").Message;
        var marker = failure.IndexOf("--- reproduction: bash ", StringComparison.Ordinal);
        marker.Should().BePositive("the failure message carries its reproduction:\n{0}", failure);
        var script = failure[(failure.IndexOf('\n', marker) + 1)..];
        script.Should().NotContain(MatrixRows.RegistrationToken).And.NotContain(MatrixRows.AppServiceToken);
        var file = Path.Combine(Output, "reproduce-fault.sh");
        await File.WriteAllTextAsync(file, script);

        var replay = await ExternalTool.RunAsync(ExternalTool.StartInfo("bash", [file]), TimeSpan.FromMinutes(1));

        // The failure read "but got HTTP 403 with errcode M_FORBIDDEN"; the script's last step shows its answer.
        failure.Should().Contain("but got HTTP 403 with errcode M_FORBIDDEN");
        var lastStep = replay.Output[replay.Output.LastIndexOf("\n== ", StringComparison.Ordinal)..];
        lastStep.Should().Contain("\nHTTP 403\n").And.Contain("\"errcode\": \"M_FORBIDDEN\"", "the replay gets the same failing answer:\n{0}\n{1}", replay.Output, replay.Errors);
    }

    private static ILookup<string, (string Outcome, string Message)> Trx(string server) =>
        TrxVerdicts.Read(Path.Combine(Output, server, $"{server}.trx"));

    /// <summary>The cell's opening words (and, for a failure, the failure's first line) from the TRX verdicts of the requirement's tests.</summary>
    private static (string Prefix, string? Reason) Expected(string requirement, ILookup<string, (string Outcome, string Message)> trx)
    {
        var results = _tests.Where(t => t.Requirement == requirement).SelectMany(t => trx[t.Test]).ToList();
        var failed = results.Where(r => r.Outcome == "Failed").ToList();
        if (failed.Count > 0)
        {
            // With one failure the cell quotes its first line; with several, one of them.
            return ("failed: ", failed.Count == 1 ? failed[0].Message.Split('\n')[0].Trim() : null);
        }

        return results switch
        {
            [] => ("no test", null),
            _ when results.Any(r => r.Message.StartsWith("Known failure", StringComparison.Ordinal)) => ("known failure: ", null),
            _ when results.Any(r => r.Outcome == "Passed") => ("passed", null),
            _ => ("not judged: ", null),
        };
    }
}
