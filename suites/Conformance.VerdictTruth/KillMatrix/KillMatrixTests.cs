using Conformance.Reference.Faults;

namespace Conformance.VerdictTruth.KillMatrix;

/// <summary>
/// The suite fails on every fault of the reference server's catalogue, with a test naming the broken requirement,
/// and fails nothing on the plain server or on any legal variant.
/// </summary>
public sealed class KillMatrixTests
{
    public static IEnumerable<TestCaseData> Faults() => FaultCatalogue.All.Select(f => new TestCaseData(f.Name).SetArgDisplayNames(f.Name));

    public static IEnumerable<TestCaseData> Variants() =>
        MatrixRows.All.Where(r => !r.MustBeKilled).Select(r => new TestCaseData(r.Name).SetArgDisplayNames(r.Name));

    [OneTimeSetUp]
    public async Task RunTheMatrix()
    {
        var matrix = await KillMatrixRunner.ResultAsync();
        var path = MatrixReport.Write(matrix);
        await TestContext.Progress.WriteLineAsync($"{MatrixReport.Total(matrix)}; {MatrixReport.Collateral(matrix)}; in {matrix.Elapsed.TotalSeconds:F0} s (table: {path})");
    }

    [TestCaseSource(nameof(Faults))]
    public async Task The_suite_fails_a_server_with_the_fault_naming_its_requirement(string name)
    {
        var result = await ResultOf(name);

        result.Error.Should().BeNull();
        result.FailuresOfItsRequirement.Should().NotBeEmpty(
            "the fault breaks {0} ({1}), so a test naming {0} must fail; failing tests were: {2}",
            result.Row.RequirementId, result.Row.Description, MatrixReport.Describe(result.Failures));
    }

    /// <remarks>
    /// One deviation, one red test: a test that leans on what the fault broke is blocked by the fault's rule, not
    /// failed. A rule the fault necessarily breaks too is declared in its catalogue entry, with why.
    /// </remarks>
    [TestCaseSource(nameof(Faults))]
    public async Task The_fault_turns_red_only_tests_of_its_own_or_declared_rules(string name)
    {
        var result = await ResultOf(name);

        MatrixVerdicts.TurnsRedOnlyItsOwnOrDeclaredRules(result);
    }

    /// <remarks>
    /// A registration answer without user_id leaves every test that needs an account without one: they read as one
    /// group, first in the summary (largest first), under the rule whose own test fails.
    /// </remarks>
    [Test]
    public async Task A_fault_every_account_stands_on_fails_only_its_rule_and_leads_the_not_judged_groups()
    {
        var result = await ResultOf(FaultCatalogue.ResponseWithoutUserId.Name);

        var groups = result.Outcomes.Where(o => o.Status == "Inconclusive")
            .GroupBy(o => Conformance.Harness.Probes.NotJudgedReason.Of(o.Message).Group, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

        result.Failures.Should().NotBeEmpty().And.OnlyContain(f => f.Requirement == "REG-RESPONSE-REQUIRED", MatrixReport.Describe(result.Failures));
        groups.Should().NotBeEmpty();
        groups[0].Key.Should().Be("Blocked by REG-RESPONSE-REQUIRED", "groups: {0}", string.Join("; ", groups.Select(g => $"{g.Key} ({g.Count()})")));
    }

    /// <remarks>
    /// The bodies a server may hang on are sent after every other request, so a hang that holds the server's one lock
    /// touches no other test: none fails or waits behind it, and REG-UIA-SESSION's retried session is judged.
    /// </remarks>
    [Test]
    public async Task A_server_that_hangs_on_a_malformed_body_stalls_no_test_but_those_that_send_one()
    {
        var result = await ResultOf(FaultCatalogue.MalformedBodyStallsServer.Name);

        var touched = result.Outcomes
            .Where(o => !o.ShortName.StartsWith("MalformedBodyTests.", StringComparison.Ordinal))
            .Where(o => o.Failed || (o.Status == "Inconclusive" && Conformance.Harness.Probes.NotJudgedReason.Of(o.Message).Kind == Conformance.Harness.Probes.NotJudgedKind.ServerStalled))
            .Select(o => $"{o.ShortName}: {o.Status} {o.Message?.Split('\n')[0]}");

        result.FailuresOfItsRequirement.Should().NotBeEmpty();
        touched.Should().BeEmpty("only the tests that send a malformed body run while the server hangs");
        result.Outcomes.Should().Contain(o => o.ShortName.StartsWith("RegistrationUiaTests.Retrying_a_completed_session", StringComparison.Ordinal) && o.Status == "Passed");
    }

    [Test]
    public async Task Declared_red_tests_of_other_rules_are_few_and_each_declaration_says_why()
    {
        var matrix = await KillMatrixRunner.ResultAsync();
        var declarations = FaultCatalogue.All.SelectMany(f => f.AlsoBreaks.Select(a => (Fault: f, Also: a))).ToList();

        matrix.Results.Sum(r => r.DeclaredAlsoBroken.Count).Should().BeLessThanOrEqualTo(20,
            "a fault breaks its own rule; only a few red tests of other rules are necessary, each declared");
        declarations.Should().OnlyContain(d => d.Also.Why.Length > 20 && d.Also.RequirementId != d.Fault.RequirementId,
            "each declaration names another rule and says why");
    }

    [TestCaseSource(nameof(Variants))]
    public async Task The_suite_fails_nothing_on_a_correct_server(string name)
    {
        var result = await ResultOf(name);

        MatrixVerdicts.FailsNothingUndeclared(result);
        result.UnreportedDepartures.Should().BeEmpty("the variant does not follow these SHOULDs, and the suite must say so at SHOULD");
    }

    /// <remarks>
    /// Across the catalogue this is every way a test can go red: a matcher, a goal helper's arrangement, a step shared
    /// by several tests (which must name the rule of each test that read it, not of the first).
    /// </remarks>
    [Test]
    public async Task Every_red_test_names_the_rule_it_checks_in_its_message()
    {
        var matrix = await KillMatrixRunner.ResultAsync();

        var silent = matrix.Results.SelectMany(r => r.Failures.Select(f => (r.Row, Failure: f)))
            .Where(x => x.Failure.Message?.Contains($"Requirement {x.Failure.Requirement} (", StringComparison.Ordinal) != true)
            .Select(x => $"{x.Row.Name}: {x.Failure.ShortName} [{x.Failure.Requirement}]: {x.Failure.Message?.Split('\n')[0]}");

        silent.Should().BeEmpty("a failure message names the requirement of the test that failed, so a maintainer can act on it alone");
    }

    /// <remarks>
    /// Every row is a run whose failures print their exchanges: across the catalogue, that is every request and
    /// response shape the suite makes, on a correct server and on broken ones.
    /// </remarks>
    [Test]
    public async Task No_run_leaves_a_secret_it_used_in_anything_it_printed_or_wrote()
    {
        var matrix = await KillMatrixRunner.ResultAsync();

        var leaks = matrix.Results.Where(r => r.Leaks.Count > 0).Select(r => $"{r.Row.Name}: {string.Join(", ", r.Leaks)}");

        leaks.Should().BeEmpty("passwords and tokens are redacted in every output");
    }

    private static async Task<MatrixResult> ResultOf(string name)
    {
        var matrix = await KillMatrixRunner.ResultAsync();
        return matrix.Results.Single(r => r.Row.Name == name);
    }
}
