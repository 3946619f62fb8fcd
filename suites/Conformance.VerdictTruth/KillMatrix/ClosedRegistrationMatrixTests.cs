
namespace Conformance.VerdictTruth.KillMatrix;

/// <summary>
/// The kill matrix again, on servers with registration and guests closed and a run given an account (and an
/// application service): the accounts such a run stands on are steps like registered ones, so a fault still turns red
/// only tests of its own rule, and a correct server none. Faults of what a closed server leaves unjudged (registration
/// itself, guests) are not killed here; the matrix on open servers kills them.
/// </summary>
public sealed class ClosedRegistrationMatrixTests
{
    public static IEnumerable<TestCaseData> Faults() =>
        MatrixRows.ClosedRegistration.Where(r => r.MustBeKilled).Select(r => new TestCaseData(r.Name).SetArgDisplayNames(r.Name));

    public static IEnumerable<TestCaseData> Correct() =>
        MatrixRows.ClosedRegistration.Where(r => !r.MustBeKilled).Select(r => new TestCaseData(r.Name).SetArgDisplayNames(r.Name));

    [OneTimeSetUp]
    public async Task RunTheMatrix()
    {
        var matrix = await KillMatrixRunner.ClosedRegistrationResultAsync();
        var judged = matrix.Results.Where(r => !r.Row.MustBeKilled).Select(r => r.Outcomes.Count(o => o.Status is "Passed" or "Failed")).DefaultIfEmpty().Min();
        await TestContext.Progress.WriteLineAsync(
            $"closed registration, account given: {matrix.Results.Count(r => r.Row.MustBeKilled && r.FailuresOfItsRequirement.Count > 0)} of {matrix.Results.Count(r => r.Row.MustBeKilled)} faults killed; "
            + $"{MatrixReport.Collateral(matrix)}; correct servers judged at least {judged} tests each; in {matrix.Elapsed.TotalSeconds:F0} s");
    }

    [TestCaseSource(nameof(Faults))]
    public async Task On_a_closed_server_the_fault_turns_red_only_tests_of_its_own_or_declared_rules(string name)
    {
        var result = await ResultOf(name);

        MatrixVerdicts.TurnsRedOnlyItsOwnOrDeclaredRules(result);
    }

    [TestCaseSource(nameof(Correct))]
    public async Task On_a_closed_server_the_suite_fails_nothing_on_a_correct_server(string name)
    {
        var result = await ResultOf(name);

        MatrixVerdicts.FailsNothingUndeclared(result);
    }

    [Test]
    public async Task No_closed_registration_run_leaves_a_secret_it_used_in_anything_it_printed_or_wrote()
    {
        var matrix = await KillMatrixRunner.ClosedRegistrationResultAsync();

        matrix.Results.Where(r => r.Leaks.Count > 0).Select(r => $"{r.Row.Name}: {string.Join(", ", r.Leaks)}")
            .Should().BeEmpty("the given account's password is redacted like every secret");
    }

    private static async Task<MatrixResult> ResultOf(string name) =>
        (await KillMatrixRunner.ClosedRegistrationResultAsync()).Results.Single(r => r.Row.Name == name);

}
