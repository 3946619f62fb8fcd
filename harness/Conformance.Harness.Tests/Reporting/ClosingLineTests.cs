using Conformance.Harness.Client;
using Conformance.Harness.KnownFailures;
using Conformance.Harness.Probes;
using Conformance.Harness.Reporting;
using Conformance.Harness.Requirements;
using Conformance.Harness.Running;

namespace Conformance.Harness.Tests.Reporting;

/// <summary>The line a run ends with counts as the test runner does, names the causes of what it did not judge, and says where the summary is.</summary>
public sealed class ClosingLineTests
{
    private static readonly string Summary = Path.Combine(SourceTree.Root!.FullName, "reports", "summary.md");
    private static readonly NotJudgedReason RateLimited = new("A rate limit on login outlasts the harness's patience", "raise the patience");

    [Test]
    public void It_counts_passed_failed_by_level_and_not_judged_by_kind_and_names_the_summary_from_the_checkout()
    {
        TestRecord[] records =
        [
            .. Enumerable.Repeat(Record("REG-IN-USE", Verdict.Passed), 120),
            Record("REG-IN-USE", Verdict.Failed), Record("RATE-429", Verdict.Failed),
            .. Enumerable.Repeat(Record("LOGIN-PASSWORD", Verdict.Skipped, RateLimited.Message("POST /login answered 429")), 6),
            .. Enumerable.Repeat(Record("GUEST-NO-UIA", Verdict.Skipped, NotJudgedReasons.GuestsClosed.Message("POST /register?kind=guest answered 403")), 4),
        ];

        ClosingLine.Of(records, Summary).Should().Be(
            "132 tests: 120 passed, 2 failed (1 MUST, 1 SHOULD), 10 not judged (6 rate-limited, 4 feature off); summary: reports/summary.md");
    }

    [Test]
    public void A_run_with_nothing_failed_or_unjudged_says_so_in_the_same_form()
    {
        ClosingLine.Of([Record("REG-IN-USE", Verdict.Passed)], "/tmp/elsewhere/summary.md")
            .Should().Be("1 test: 1 passed, 0 failed, 0 not judged; summary: /tmp/elsewhere/summary.md");
    }

    [Test]
    public void Known_failures_stand_apart_a_broken_test_is_failed_and_fixed_ones_count_where_the_runner_put_them()
    {
        TestRecord[] records =
        [
            Record("REG-IN-USE", Verdict.Passed),
            Record("REG-DISPLAYNAME", Verdict.Broken),
            Record("REG-IN-USE", Verdict.Failed, "Known failure (listed in list.txt line 1: REG-IN-USE)\nExpected M_USER_IN_USE", KnownFailureOutcome.Expected),
            Record("REG-IN-USE", Verdict.Failed, "Fixed known failure: this test passed but is listed", KnownFailureOutcome.Fixed),
            Record("REG-IN-USE", Verdict.Passed, "Fixed known failure: this test passed but is listed", KnownFailureOutcome.Fixed),
            Record("LOGIN-PASSWORD", Verdict.Skipped, NotJudgedReasons.NoRateLimitSeen.Message("12 quick POST /login requests got no 429")),
        ];

        // Passed 1 and failed 2 are what TRX counts as passed and failed; the other 3 are its not executed.
        ClosingLine.Of(records, Summary).Should().Be(
            "6 tests: 1 passed, 2 failed (1 MUST, 1 fixed known failure), 1 known failure (1 MUST), 1 fixed known failure flagged, "
            + "1 not judged (1 no 429 seen); summary: reports/summary.md");
    }

    [Test]
    public void A_listed_requirement_none_of_whose_tests_failed_is_named()
    {
        var list = KnownFailureList.Parse("list.txt", ["REG-REFRESH"]);
        list.Observe(list.Find("REG-REFRESH", "x", "y")!, failed: false);

        ClosingLine.Of([Record("REG-REFRESH", Verdict.Passed)], Summary, list)
            .Should().Be("1 test: 1 passed, 0 failed, 0 not judged; 1 listed requirement fixed (REG-REFRESH); summary: reports/summary.md");
    }

    [Test]
    public void Finishing_the_report_gives_the_closing_line_of_its_run()
    {
        var folder = Directory.CreateTempSubdirectory("closing-line-");
        try
        {
            var report = RunReport.Start(Path.Combine(folder.FullName, "allure-results"));
            report.Add(Record("REG-IN-USE", Verdict.Passed));
            var line = report.Finish(new RunFacts("http://127.0.0.1:8008/", null, ["v1.19"], Seed: 7));

            line.Should().Be($"1 test: 1 passed, 0 failed, 0 not judged; summary: {Path.Combine(folder.FullName, "summary.md")}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static TestRecord Record(string requirementId, Verdict verdict, string? message = null, KnownFailureOutcome known = KnownFailureOutcome.None) => new(
        "Conformance.Suites.Registration.UserRegistrationTests", $"Test_of_{requirementId}", $"Test_of_{requirementId}", string.Empty, verdict,
        message ?? (verdict == Verdict.Passed ? null : $"{requirementId} said why"), null, RequirementCatalogue.Get(requirementId),
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1), Array.Empty<Exchange>(), known);
}
