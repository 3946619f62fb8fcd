using Conformance.Reference.Faults;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.KnownFailures;

/// <summary>
/// What CI sees: <c>dotnet test</c> against the reference server with one fault exits 0 when that fault's tests are
/// in the known-failures file (and the summary lists them as known), and non-zero when they are not.
/// </summary>
public sealed class KnownFailureExitCodeTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);
    private static StandaloneServer _server = null!;
    private static DirectoryInfo _work = null!;

    [OneTimeSetUp]
    public static async Task StartABrokenServer()
    {
        _server = await StandaloneServer.StartAsync("--fault", FaultCatalogue.TakenUsernameForbidden.Name);
        _work = Directory.CreateTempSubdirectory("known-failures-exit-");
    }

    [OneTimeTearDown]
    public static void Stop()
    {
        _server.Dispose();
        _work.Delete(recursive: true);
    }

    [Test]
    public async Task With_the_faults_failures_listed_the_run_exits_0_and_the_summary_lists_them_as_known()
    {
        var list = Path.Combine(_work.FullName, "known-failures.txt");
        await File.WriteAllLinesAsync(list, ["REG-IN-USE", "RegistrationUiaTests.A_taken_username_is_refused_on_the_first_request_before_UIA"]);

        var run = await SuiteProcess.RunAsync(_server.BaseUrl, RunLimit, new Dictionary<string, string> { ["CONFORMANCE_KNOWN_FAILURES"] = list });

        run.ExitCode.Should().Be(0, "every failure was listed:\n{0}", run.Summary);
        run.Outcomes.Values.Should().NotContain("Failed");
        run.Summary.Should().Contain("No unexpected failures.").And.Contain("## Known failures (listed, not counted against the run) (2)");
    }

    [Test]
    public async Task A_listed_requirement_none_of_whose_tests_fail_fails_the_run()
    {
        var list = Path.Combine(_work.FullName, "outgrown.txt");
        await File.WriteAllLinesAsync(list, ["REG-IN-USE", "RegistrationUiaTests.A_taken_username_is_refused_on_the_first_request_before_UIA", "REG-REFRESH"]);

        var run = await SuiteProcess.RunAsync(_server.BaseUrl, RunLimit, new Dictionary<string, string> { ["CONFORMANCE_KNOWN_FAILURES"] = list });

        run.ExitCode.Should().NotBe(0, "REG-REFRESH is listed but the server keeps it");
        run.Outcomes.Values.Should().NotContain("Failed", "only the run as a whole fails, from its teardown");
        run.Summary.Should().Contain("`REG-REFRESH` (").And.Contain("no test of this requirement failed");
    }

    [Test]
    public async Task Without_the_list_the_same_run_exits_non_zero()
    {
        var run = await SuiteProcess.RunAsync(_server.BaseUrl, RunLimit);

        run.ExitCode.Should().NotBe(0);
        run.Summary.Should().Contain("## Failures (2)");
    }
}
