namespace Conformance.VerdictTruth.Hostile;

/// <summary>
/// Aimed at a server broken in any of the hostile ways, the suite ends in bounded time, gives every test a verdict
/// whose message says what the server did, passes nothing that depends on the breakage, reads bodies only up to its
/// cap, carries no credential to another origin, and leaves no secret in anything it prints or writes.
/// </summary>
public sealed class HostileServerTests
{
    // Loading a suite into its own context and starting its runner, with other runs loading beside it on two cores.
    private static readonly TimeSpan StartSlack = TimeSpan.FromSeconds(20);

    public static IEnumerable<TestCaseData> VersionsBroken() => Cases(c => c.BreaksVersions);

    public static IEnumerable<TestCaseData> All() => Cases(_ => true);

    [OneTimeSetUp]
    public async Task RunTheSuiteAgainstEveryHostileServer()
    {
        var results = await HostileCaseRunner.ResultsAsync();
        await TestContext.Progress.WriteLineAsync(
            $"Hostile servers: {results.Count} runs, the longest {results.Max(r => r.Elapsed).TotalSeconds:F1} s "
            + $"({string.Join(", ", results.Select(r => $"{r.Case.Name} {r.Elapsed.TotalSeconds:F1} s"))}); "
            + $"the most of one huge body written before the client hung up: {results.Max(r => r.LargestBodyWritten) / 1e6:F1} MB");
    }

    [TestCaseSource(nameof(All))]
    public async Task Every_test_gets_a_verdict_and_the_run_ends_within_its_budget(string name)
    {
        var result = await ResultOf(name);
        var expectedCount = (await HostileCaseRunner.ResultsAsync()).Max(r => r.Run.Outcomes.Count);

        result.Error.Should().BeNull();
        result.Run.Outcomes.Should().HaveCount(expectedCount).And.OnlyContain(o => o.Status == "Passed" || o.Status == "Failed" || o.Status == "Inconclusive");
        result.Run.Outcomes.Where(o => o.Failed && !HostileVerdicts.IsClearFailure(o, result.Case))
            .Should().BeEmpty("a broken server is a failed expectation or a transport failure, never a crash of the harness");
        result.Elapsed.Should().BeLessThan(HostileCaseRunner.RunBudget + HostileCaseRunner.RequestTimeout + StartSlack);
        result.Case.Untouched.Except(result.Run.Outcomes.Select(o => o.ShortName)).Should().BeEmpty("every exempted test exists");
    }

    [TestCaseSource(nameof(All))]
    public async Task Every_failure_and_inconclusive_says_what_the_server_did(string name)
    {
        var result = await ResultOf(name);

        var silent = result.Run.Outcomes.Where(o => o.Status != "Passed" && !HostileVerdicts.SaysWhatTheServerDid(o, result.Case));

        silent.Should().BeEmpty("every message must say \"{0}\"; these do not:\n{1}", result.Case.Phrase, HostileVerdicts.Describe(silent));
    }

    [TestCaseSource(nameof(All))]
    public async Task Nothing_passes_that_depends_on_the_breakage(string name)
    {
        var result = await ResultOf(name);

        var passed = result.Run.Outcomes.Where(o => o.Status == "Passed" && !result.Case.Untouched.Contains(o.ShortName));

        passed.Should().BeEmpty("only checks the breakage cannot touch may pass; these passed:\n{0}", HostileVerdicts.Describe(passed));
    }

    [TestCaseSource(nameof(All))]
    public async Task No_secret_the_run_used_appears_in_anything_it_printed_or_wrote(string name)
    {
        var result = await ResultOf(name);

        result.Run.Leaks.Should().NotBeNull().And.BeEmpty("messages, test output, Allure results, summary and JUnit XML are redacted");
    }

    [TestCaseSource(nameof(VersionsBroken))]
    public async Task A_server_that_breaks_versions_fails_the_whole_run_at_once(string name)
    {
        var result = await ResultOf(name);

        result.Run.Outcomes.Should().NotBeEmpty().And.OnlyContain(o => o.Failed && o.Message!.Contains("GET /_matrix/client/versions", StringComparison.Ordinal));
        result.Elapsed.Should().BeLessThan(HostileCaseRunner.RunBudget, "the run stops at its first request instead of using up its budget");
    }

    [Test]
    public async Task A_huge_body_is_read_only_up_to_the_cap()
    {
        var result = await ResultOf("huge-body");

        result.LargestBodyWritten.Should().BePositive().And.BeLessThan(64L * 1024 * 1024, "the client hangs up after its 4 MiB cap, long before 200 MB");
    }

    [Test]
    public async Task A_redirect_to_another_origin_carries_no_credential_there()
    {
        var result = await ResultOf("redirect-other-origin");

        result.Received.Should().Contain(r => r.CarriedACredential, "the suite did send credentials, to the server under test");
        result.OtherOriginReceived.Where(r => r.CarriedACredential).Should().BeEmpty();
        result.OtherOriginReceived.Should().BeEmpty("redirects are never followed at all");
    }

    private static async Task<HostileResult> ResultOf(string name) =>
        (await HostileCaseRunner.ResultsAsync()).Single(r => r.Case.Name == name);

    private static IEnumerable<TestCaseData> Cases(Func<HostileCase, bool> which) =>
        HostileCases.All.Where(which).Select(c => new TestCaseData(c.Name).SetArgDisplayNames(c.Name));
}
