using Conformance.Harness.Client;
using Conformance.Harness.KnownFailures;
using Conformance.Harness.Probes;
using Conformance.Harness.Reporting;
using Conformance.Harness.Requirements;

namespace Conformance.Harness.Tests.Reporting;

/// <summary>The summary says how much it judged, splits failures by level, and groups the rest by why it was not judged.</summary>
public sealed class MarkdownSummaryTests
{
    private static readonly RunFacts Facts = new("http://127.0.0.1:8008/", "Kestrel", ["v1.19"], Seed: 7);
    private static readonly NotJudgedReason NoPasswordLogin = new("Password login is not offered", "offer m.login.password in GET /login");

    [Test]
    public void The_top_line_says_how_many_tests_were_judged_and_splits_the_failures_by_level()
    {
        var summary = MarkdownSummary.Of(
        [
            Record("REG-IN-USE", Verdict.Passed), Record("REG-IN-USE", Verdict.Passed),
            Record("REG-IN-USE", Verdict.Passed, known: KnownFailureOutcome.Fixed),
            Record("REG-IN-USE", Verdict.Failed), Record("REG-DISPLAYNAME", Verdict.Broken),
            Record("RATE-429", Verdict.Failed),
            Record("REG-IN-USE", Verdict.Failed, known: KnownFailureOutcome.Expected),
            Record("LOGIN-PASSWORD", Verdict.Skipped, "Password login is not offered on this server"),
        ], Facts);

        Line(summary, 2).Should().Be("Judged 7 of 8 tests: 3 passed, 3 failed (2 MUST, 1 SHOULD), 1 known failure (1 MUST); 1 not judged.");
    }

    [Test]
    public void A_failure_counts_at_the_level_its_test_checks_not_the_catalogues()
    {
        var weaker = RequirementCatalogue.Get("LOGIN-PASSWORD") with { Level = RequirementLevel.Should };

        var summary = MarkdownSummary.Of([Record("LOGIN-PASSWORD", Verdict.Failed) with { Requirement = weaker }], Facts);

        Line(summary, 2).Should().Be("Judged 1 of 1 test: 0 passed, 1 failed (1 SHOULD); 0 not judged.");
        summary.Should().Contain("**LOGIN-PASSWORD (SHOULD)**");
    }

    [Test, Requirement("LOGIN-PASSWORD", RequirementLevel.Should)]
    public void The_record_of_a_test_that_checks_a_weaker_level_carries_that_level_to_the_summary()
    {
        var record = CurrentTest.Record([]) with { Verdict = Verdict.Failed, Message = "Expected HTTP 200" };

        var summary = MarkdownSummary.Of([record], Facts);

        summary.Should().Contain("1 failed (1 SHOULD)").And.Contain("**LOGIN-PASSWORD (SHOULD)**");
    }

    [Test]
    public void An_area_mostly_not_judged_shows_judged_1_of_10_and_no_percentage_anywhere()
    {
        var login = Enumerable.Range(0, 9).Select(i => Record("LOGIN-WRONG", Verdict.Skipped, $"Rate limited on POST /login (case {i})"));

        var summary = MarkdownSummary.Of([Record("LOGIN-FLOWS", Verdict.Passed), .. login], Facts);

        summary.Should().Contain("| area | judged | passed | failed | known failures | not judged |")
            .And.Contain($"| {Areas.Login} | 1 of 10 | 1 | 0 | 0 | 9 |")
            .And.NotContain("%", "a pass rate over one judged test in ten reads as conformance");
    }

    [Test]
    public void An_areas_failures_are_split_by_level_in_its_row()
    {
        var summary = MarkdownSummary.Of([Record("CORS-OPTIONS", Verdict.Failed), Record("CORS-HEADERS", Verdict.Failed), Record("API-JSON-CT", Verdict.Passed)], Facts);

        summary.Should().Contain($"| {Areas.ApiStandards} | 3 of 3 | 1 | 2 (1 MUST, 1 SHOULD) | 0 | 0 |");
    }

    [Test]
    public void Not_judged_tests_are_grouped_by_reason_largest_group_first_each_with_its_count()
    {
        var summary = MarkdownSummary.Of(
        [
            Record("GUEST-NO-UIA", Verdict.Skipped, "Guests are not offered\nPOST /register?kind=guest answered 403"),
            Record("LOGIN-PASSWORD", Verdict.Skipped, NoPasswordLogin.Message("GET /login lists m.login.token only")),
            Record("LOGIN-WRONG", Verdict.Skipped, NoPasswordLogin.Message("GET /login lists m.login.token only")),
            Record("LOGIN-DEVICE", Verdict.Skipped, NoPasswordLogin.Message(string.Empty)),
            Record("REFRESH-OK", Verdict.Skipped, "Refresh tokens are not offered"),
            Record("REFRESH-ROTATE", Verdict.Skipped, "Refresh tokens are not offered\nno refresh_token in the response"),
            Record("REG-IN-USE", Verdict.Passed),
        ], Facts);

        var headings = summary.Split('\n').Where(l => l.StartsWith("### ", StringComparison.Ordinal)).ToList();
        headings.Should().Equal("### Password login is not offered (3)", "### Refresh tokens are not offered (2)", "### Guests are not offered (1)");
        summary.Should().Contain("## Not judged (6), by reason")
            .And.Contain("- **LOGIN-DEVICE (MUST)** Test of LOGIN-DEVICE (`UserRegistrationTests.Test_of_LOGIN-DEVICE`)\n- **LOGIN-PASSWORD (MUST)**");
    }

    [Test]
    public void A_group_shows_its_remedy_and_a_group_without_one_shows_no_remedy_line()
    {
        var summary = MarkdownSummary.Of(
        [
            Record("LOGIN-PASSWORD", Verdict.Skipped, NoPasswordLogin.Message("GET /login lists m.login.token only")),
            Record("LOGIN-WRONG", Verdict.Skipped, NoPasswordLogin.Message("GET /login lists m.login.token only")),
            Record("GUEST-NO-UIA", Verdict.Skipped, "Guests are not offered"),
        ], Facts);

        summary.Should().Contain("### Password login is not offered (2)\n\nTo judge them: offer m.login.password in GET /login\n\n- **LOGIN-PASSWORD");
        summary.Should().Contain("### Guests are not offered (1)\n\n- **GUEST-NO-UIA (MUST)**");
        summary.Split('\n').Count(l => l.StartsWith("To judge", StringComparison.Ordinal)).Should().Be(1);
    }

    [Test]
    public void Remedies_that_differ_only_in_their_numbers_show_once_asking_the_most()
    {
        NotJudgedReason Limit(int seconds) => new("A rate limit on login outlasts the harness's patience", $"set the patience to at least {seconds} s");

        var summary = MarkdownSummary.Of(
        [
            Record("LOGIN-PASSWORD", Verdict.Skipped, Limit(193).Message("a 429 asked for 192 s")),
            Record("LOGIN-WRONG", Verdict.Skipped, Limit(293).Message("a 429 asked for 292 s")),
            Record("LOGIN-DEVICE", Verdict.Skipped, Limit(281).Message("a 429 asked for 280 s")),
        ], Facts);

        summary.Split('\n').Where(l => l.StartsWith("To judge", StringComparison.Ordinal)).Should().Equal("To judge them: set the patience to at least 293 s");
    }

    [Test]
    public void Known_failures_stay_in_their_own_section_and_out_of_the_not_judged_groups()
    {
        var summary = MarkdownSummary.Of(
        [
            Record("REG-IN-USE", Verdict.Failed, "Known failure (listed in list.txt line 1: REG-IN-USE); not counted against the run.\nExpected M_USER_IN_USE", KnownFailureOutcome.Expected),
        ], Facts);

        summary.Should().Contain("## Known failures (listed, not counted against the run) (1)").And.NotContain("## Not judged")
            .And.Contain("Judged 1 of 1 test: 0 passed, 0 failed, 1 known failure (1 MUST); 0 not judged.");
    }

    [Test]
    public void A_failure_shows_its_test_as_a_sentence_then_the_name_a_known_failures_list_takes()
    {
        var record = Record("REG-IN-USE", Verdict.Failed, "Expected M_USER_IN_USE") with
        {
            MethodName = "Registering_a_taken_username_is_refused_with_M_USER_IN_USE",
            Name = "Registering_a_taken_username_is_refused_with_M_USER_IN_USE",
        };

        var summary = MarkdownSummary.Of([record], Facts);

        summary.Should().Contain("- **REG-IN-USE (MUST)** Registering a taken username is refused with M_USER_IN_USE "
            + "(`UserRegistrationTests.Registering_a_taken_username_is_refused_with_M_USER_IN_USE`): Expected M_USER_IN_USE");
    }

    private static string Line(string text, int index) => text.Split('\n')[index].TrimEnd('\r');

    private static TestRecord Record(string requirementId, Verdict verdict, string? message = null, KnownFailureOutcome known = KnownFailureOutcome.None) => new(
        "Conformance.Suites.Registration.UserRegistrationTests", $"Test_of_{requirementId}", $"Test_of_{requirementId}", string.Empty, verdict,
        message ?? (verdict == Verdict.Passed ? null : $"{requirementId} said why"), null, RequirementCatalogue.Get(requirementId),
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1), Array.Empty<Exchange>(), known);
}
