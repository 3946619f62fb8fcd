using System.Text.Json.Nodes;
using Conformance.Harness.Probes;
using Conformance.Harness.Reporting;
using Conformance.Reference.Hosting;
using Conformance.VerdictTruth.KillMatrix;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.Reports;

/// <summary>
/// The report a maintainer opens: the suite's Allure results, rendered by the real Allure command line, looked at in
/// real headless Chromium, and searched for the secrets the run used. A server with one fault gives the failing test
/// to look for; the fault also breaks one more test, which the run's known-failures list names, so the report shows
/// a known failure too. Guest access is switched off, so a group of tests is not judged for one reason and the
/// overview has something to count.
/// </summary>
public sealed class AllureReportTests
{
    private const string FailingTest = "Registering_a_taken_username_is_refused_with_M_USER_IN_USE";
    private const string KnownFailure = "A_taken_username_is_refused_on_the_first_request_before_UIA";
    private static DirectoryInfo _work = null!;
    private static Uri _report = null!;
    private static IReadOnlyList<string> _secrets = [];

    [OneTimeSetUp]
    public static async Task RenderTheReportOfABrokenServer()
    {
        _work = Directory.CreateTempSubdirectory("allure-in-browser-");
        var row = MatrixRows.Named(Reference.Faults.FaultCatalogue.TakenUsernameForbidden.Name);
        var list = Path.Combine(_work.FullName, "known-failures.txt");
        await File.WriteAllLinesAsync(list, [$"RegistrationUiaTests.{KnownFailure}"]);
        await using (var server = await ReferenceHomeserver.StartAsync(row.Options with { Guests = false }))
        {
            _secrets = (await InProcessSuite.RunAsync(server.BaseUrl, seed: 7, Path.Combine(_work.FullName, "allure-results"),
                new Dictionary<string, string> { ["KnownFailures"] = list })).SecretsUsed;
        }

        await AllureCommandLine.RunAsync(_work.FullName, "awesome", "allure-results", "-o", "single", "--single-file");
        // The folder report holds each result as data/test-results/{id}.json: the id the page's address needs.
        await AllureCommandLine.RunAsync(_work.FullName, "awesome", "allure-results", "-o", "folder");
        _report = new Uri(Path.Combine(_work.FullName, "single", "index.html"));
    }

    [OneTimeTearDown]
    public static void Clean() => _work.Delete(recursive: true);

    [Test]
    public async Task The_renderer_reads_every_result_the_suite_wrote()
    {
        var written = Directory.GetFiles(Path.Combine(_work.FullName, "allure-results"), "*-result.json").Length;

        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_work.FullName, "folder", "summary.json")))!;

        // A result file the renderer cannot read is dropped without a word; the count gives it away.
        summary["stats"]!["total"]!.GetValue<int>().Should().Be(written).And.BeGreaterThan(100);
    }

    [Test]
    public async Task No_secret_the_run_used_appears_in_any_file_it_or_the_renderer_wrote()
    {
        // Passwords, access, refresh and login tokens and the registration token of the run. The assertions name no
        // secret: a failure message is an output too.
        var secrets = _secrets.Where(s => s.Length >= 8).ToList();
        secrets.Contains(MatrixRows.RegistrationToken).Should().BeTrue("the run completed the registration-token stage");
        secrets.Count.Should().BeGreaterThan(100, "the run sent passwords and received tokens");

        var leaks = new List<string>();
        foreach (var file in _work.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(file.FullName);
            leaks.AddRange(secrets.Where(secret => text.Contains(secret, StringComparison.Ordinal)).Select(_ => file.Name));
        }

        leaks.Should().BeEmpty("no report file may hold a secret value used in the run");
    }

    [Test]
    public async Task The_overview_shows_the_areas_of_the_suite()
    {
        var text = await HeadlessChromium.TextOfAsync(_report, renderedWhen: "RefreshTokens");

        text.Should().Contain("Registration").And.Contain("Guests").And.Contain("Usernames").And.Contain("RefreshTokens")
            .And.Contain("Matrix registration conformance");
    }

    [Test]
    public async Task The_overview_says_how_many_tests_were_judged_as_the_renderer_counted_them()
    {
        var stats = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_work.FullName, "folder", "summary.json")))!["stats"]!;
        var (total, skipped) = (stats["total"]!.GetValue<int>(), stats["skipped"]?.GetValue<int>() ?? 0);

        var text = await HeadlessChromium.TextOfAsync(_report, renderedWhen: "Judged");

        skipped.Should().BeGreaterThan(10, "guest access is off, so the guest tests are not judged");
        text.Should().Contain($"Judged {total - skipped} of {total} tests:").And.Contain($"; {skipped} not judged")
            .And.Contain("NotJudged.1");
    }

    [Test]
    public async Task The_categories_count_the_not_judged_tests_by_reason_largest_first_and_leave_none_out()
    {
        var expected = SkippedMessages().GroupBy(m => NotJudgedReason.Of(m).Group, StringComparer.Ordinal)
            .Select(g => (Name: "Not judged: " + g.Key, Count: g.Count())).ToList();
        var categories = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_work.FullName, "folder", "widgets", "categories.json")))!;
        var rendered = categories["roots"]!.AsArray().Select(id => categories["nodes"]![id!.GetValue<string>()]!)
            .Select(node => (Name: node["name"]!.GetValue<string>(), Count: node["statistic"]!["total"]!.GetValue<int>()))
            .Where(c => c.Name.StartsWith("Not judged: ", StringComparison.Ordinal)).ToList();

        var text = await HeadlessChromium.TextOfAsync(new Uri(_report.AbsoluteUri + "#/categories"), renderedWhen: "Not judged: ");

        // Every not-judged test sits in its reason's category: none is left to the catch-all "Not applicable".
        rendered.Should().BeEquivalentTo(expected);
        rendered.Select(c => c.Count).Should().BeInDescendingOrder();
        text.Should().Contain(rendered[0].Name).And.NotContain("Not applicable");
    }

    [Test]
    public async Task A_failing_test_shows_its_requirement_message_and_the_request_and_response_it_sent()
    {
        var page = new Uri(_report.AbsoluteUri + "#/" + FailedResultId(FailingTest));

        var text = await HeadlessChromium.TextOfAsync(page, renderedWhen: TestTitle.Sentence(FailingTest));
        var screenshot = Path.Combine(RepositoryLayout.Root, "reports", "report-failing-test.png");
        await HeadlessChromium.ScreenshotAsync(page, screenshot);

        text.Should().Contain("Failed").And.Contain("REG-IN-USE")
            .And.Contain("M_USER_IN_USE").And.Contain("Spec violation (MUST)")
            .And.Contain("request").And.Contain("response").And.Contain("/_matrix/client/v3/register");
        new FileInfo(screenshot).Length.Should().BeGreaterThan(10_000, "the screenshot shows the rendered page");
    }

    [Test]
    public async Task A_test_page_is_titled_with_the_test_as_a_sentence_and_keeps_the_method_in_its_full_name()
    {
        var title = TestTitle.Sentence(FailingTest);

        var text = await HeadlessChromium.TextOfAsync(new Uri(_report.AbsoluteUri + "#/" + FailedResultId(FailingTest)), renderedWhen: title);

        title.Should().Be("Registering a taken username is refused with M_USER_IN_USE");
        text.Should().Contain(title).And.Contain($"Conformance.Suites.Registration.UserRegistrationTests.{FailingTest}");
    }

    [Test]
    public async Task A_listed_known_failure_shows_as_one_with_the_servers_own_failure()
    {
        var title = TestTitle.Sentence(KnownFailure);

        var text = await HeadlessChromium.TextOfAsync(new Uri(_report.AbsoluteUri + "#/" + FailedResultId(KnownFailure)), renderedWhen: title);

        text.Should().Contain(title).And.Contain("Known failure (listed)").And.Contain("Known failure (listed in")
            .And.Contain("known-failures.txt line 1").And.Contain("REG-CHECKS-BEFORE-UIA").And.Contain("M_USER_IN_USE")
            .And.NotContain("Spec violation (MUST)", "the first category that matches is the known-failure one");
    }

    private static IEnumerable<string?> SkippedMessages() =>
        Directory.GetFiles(Path.Combine(_work.FullName, "allure-results"), "*-result.json")
            .Select(path => JsonNode.Parse(File.ReadAllText(path))!)
            .Where(r => r["status"]!.GetValue<string>() == "skipped")
            .Select(r => r["statusDetails"]?["message"]?.GetValue<string>());

    /// <summary>The rendered result of the failed test of <paramref name="method"/>, found by its full name (its title is a sentence).</summary>
    private static string FailedResultId(string method) =>
        Directory.GetFiles(Path.Combine(_work.FullName, "folder", "data", "test-results"), "*.json")
            .Select(path => (Id: Path.GetFileNameWithoutExtension(path), Json: JsonNode.Parse(File.ReadAllText(path))!))
            .Single(r => r.Json["fullName"]?.GetValue<string>().EndsWith("." + method, StringComparison.Ordinal) == true
                && r.Json["status"]?.GetValue<string>() == "failed")
            .Id;
}
