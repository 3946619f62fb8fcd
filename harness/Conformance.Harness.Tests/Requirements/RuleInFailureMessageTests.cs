using System.Reflection;
using Conformance.Harness.Requirements;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace Conformance.Harness.Tests.Requirements;

/// <summary>A failure message gets the rule of the test that failed, before the exchanges it shows.</summary>
public sealed class RuleInFailureMessageTests
{
    private const string Failure = "Expected HTTP 400 with errcode M_USER_IN_USE, but got HTTP 400 with errcode M_UNKNOWN.\n"
        + "--- request ---\nPOST http://127.0.0.1:8008/_matrix/client/v3/register\n";

    [Test]
    public void The_rule_id_level_summary_and_link_come_between_the_expectation_and_the_exchange()
    {
        var rule = RequirementCatalogue.Get("REG-IN-USE");

        var message = RuleInFailureMessageCommand.WithRule(Failure, rule);

        message.Should().StartWith("Expected HTTP 400 with errcode M_USER_IN_USE, but got HTTP 400 with errcode M_UNKNOWN.\nRequirement REG-IN-USE (MUST")
            .And.Contain(rule.Rule)
            .And.EndWith("Spec: https://spec.matrix.org/v1.19/client-server-api/#post_matrixclientv3register\n--- request ---\nPOST http://127.0.0.1:8008/_matrix/client/v3/register\n");
    }

    [Test]
    public void Without_a_pin_every_sentence_of_the_requirement_is_quoted_after_the_rule()
    {
        var rule = RequirementCatalogue.Get("REG-IN-USE");

        var message = RuleInFailureMessageCommand.WithRule(Failure, rule);

        message.Should().Contain("""
            Spec says (registration.yaml, 400): "Part of the request was invalid. This may include one of the following error codes: … `M_USER_IN_USE` : The desired user ID is already taken."
            Spec says (client-server-api, Other error codes, M_USER_IN_USE): "Encountered when trying to register a user ID which has been taken."
            Spec says (registration.yaml, 400): "Homeservers MUST perform the relevant checks and return these codes before performing User-Interactive Authentication"
            Spec: https://spec.matrix.org/v1.19/client-server-api/#post_matrixclientv3register
            """.ReplaceLineEndings("\n"));
        message.IndexOf("Spec says", StringComparison.Ordinal).Should().BeGreaterThan(message.IndexOf(rule.Rule, StringComparison.Ordinal));
    }

    [Test, Requirement("REG-UIA-SESSION", Quote = "Failing to follow the flows in order")]
    public void A_failing_test_that_pins_a_sentence_gets_only_that_sentence_quoted()
    {
        // This very test's attribute, applied to a test whose body fails as an assertion would.
        var attribute = typeof(RuleInFailureMessageTests).GetMethod(nameof(A_failing_test_that_pins_a_sentence_gets_only_that_sentence_quoted))!
            .GetCustomAttribute<RequirementAttribute>()!;
        var test = new TestMethod(new MethodWrapper(typeof(RuleInFailureMessageTests), nameof(A_failing_test_that_pins_a_sentence_gets_only_that_sentence_quoted)));
        attribute.ApplyToTest(test);
        var context = new TestExecutionContext { CurrentTest = test, CurrentResult = test.MakeTestResult() };

        var result = attribute.Wrap(new FailingBody(test)).Execute(context);

        result.Message.Should().StartWith(Failure[..Failure.IndexOf('\n', StringComparison.Ordinal)])
            .And.Contain("Spec says: \"Failing to follow the flows in order must result in an HTTP 401 response, as defined below.\"")
            .And.NotContain("Completed stages cannot be retried")
            .And.EndWith(Failure[Failure.IndexOf("--- request", StringComparison.Ordinal)..]);
    }

    [Test]
    public void A_message_without_an_exchange_ends_with_the_rule() =>
        RuleInFailureMessageCommand.WithRule("Expected a 200, but got 500.", RequirementCatalogue.Get("REG-IN-USE"))
            .Should().StartWith("Expected a 200, but got 500.\nRequirement REG-IN-USE").And.EndWith("#post_matrixclientv3register\n");

    private sealed class FailingBody(Test test) : TestCommand(test)
    {
        public override TestResult Execute(TestExecutionContext context) => throw new AssertionException(Failure);
    }
}
