using Conformance.Harness.Assertions.Verdicts;
using Conformance.Harness.Client;
using Conformance.Harness.Probes;
using Conformance.Harness.Reporting;
using Conformance.Harness.Requirements;
using Conformance.Harness.Steps;
using Conformance.Harness.Tests.Assertions.Matching;

namespace Conformance.Harness.Tests.Steps;

/// <summary>A refused step ends its test not judged, blocked by the rule that judges the step, and the reports group it under that rule.</summary>
public sealed class BlockedTests
{
    [Test]
    public void A_refused_step_names_the_blocking_rule_the_step_what_it_needed_and_what_it_got()
    {
        var answer = Responses.Json(200, """{"access_token":"t","device_id":"D"}""");

        var act = () => answer.NeededBy(RegistrationVerdicts.Answered(), "REG-RESPONSE-REQUIRED", "a fresh account");

        var message = act.Should().Throw<InconclusiveException>().Which.Message;
        message.Should().StartWith("Not judged: Blocked by REG-RESPONSE-REQUIRED.\nThe step \"a fresh account\" did not get what this test needs: it needed ")
            .And.Contain("\"user_id\"").And.Contain("GET /_matrix/client/v3/x");
        var reason = NotJudgedReason.Of(message);
        reason.Group.Should().Be("Blocked by REG-RESPONSE-REQUIRED");
        reason.Kind.Label.Should().Be("blocked by REG-RESPONSE-REQUIRED");
        reason.Kind.IsBlocked.Should().BeTrue();
    }

    [Test]
    public void A_step_that_gets_what_it_needs_hands_the_answer_on()
    {
        var answer = Responses.Json(200, """{"user_id":"@a:x"}""");

        answer.NeededBy(RegistrationVerdicts.Answered(), "REG-RESPONSE-REQUIRED", "a fresh account").Should().BeSameAs(answer);
    }

    [Test]
    public void A_step_can_only_name_a_rule_of_the_catalogue()
    {
        var act = () => Blocked.By("NO-SUCH-RULE");

        act.Should().Throw<KeyNotFoundException>();
    }

    [Test]
    public void The_closing_line_counts_blocked_tests_by_their_blocking_rule()
    {
        var blocked = Blocked.By("REG-RESPONSE-REQUIRED").Message("The step \"a fresh account\" ...");
        TestRecord[] records =
        [
            Record("REG-RESPONSE-REQUIRED", Verdict.Failed, "Expected \"user_id\""),
            .. Enumerable.Repeat(Record("LOGIN-PASSWORD", Verdict.Skipped, blocked), 3),
            Record("DEVICES-GET", Verdict.Skipped, Blocked.By("TOKEN-HEADER").Message("whoami answered 401")),
        ];

        ClosingLine.Of(records, "/tmp/summary.md").Should().Be(
            "5 tests: 0 passed, 1 failed (1 MUST), 4 not judged (3 blocked by REG-RESPONSE-REQUIRED, 1 blocked by TOKEN-HEADER); summary: /tmp/summary.md");
    }

    [Test]
    public void A_request_that_timed_out_behind_an_earlier_stalled_one_is_not_blamed_on_its_test()
    {
        var watch = new StallWatch();
        var first = Responses.Json(200, "{}").Exchange;
        var second = Responses.Json(200, "{}").Exchange;

        watch.Record(startedAt: 100, first).Should().BeNull("the first time-out is its own test's failure");
        watch.Record(startedAt: 200, second).Should().BeSameAs(first, "it was sent while the first hung");
        watch.Record(startedAt: 50, second).Should().BeNull("a request sent before every recorded stall waited behind none of them");
    }

    private static TestRecord Record(string requirementId, Verdict verdict, string message) => new(
        "Conformance.Suites.Registration.UserRegistrationTests", $"Test_of_{requirementId}", $"Test_of_{requirementId}", string.Empty, verdict,
        message, null, RequirementCatalogue.Get(requirementId), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1), Array.Empty<Exchange>());
}
