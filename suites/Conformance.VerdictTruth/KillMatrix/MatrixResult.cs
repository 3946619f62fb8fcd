using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.KillMatrix;

/// <summary>What the suite said about one row's server.</summary>
/// <param name="Row">The server.</param>
/// <param name="Outcomes">Every test's verdict.</param>
/// <param name="Error">Why the run could not be made, if it could not.</param>
/// <param name="Leaks">Where a secret the run used turned up in what it printed or wrote (places only).</param>
public sealed record MatrixResult(MatrixRow Row, IReadOnlyList<SuiteOutcome> Outcomes, string? Error, IReadOnlyList<string> Leaks)
{
    /// <summary>The tests that went red.</summary>
    public IReadOnlyList<SuiteOutcome> Failures => [.. Outcomes.Where(o => o.Failed)];

    /// <summary>The red tests that name the row's requirement.</summary>
    public IReadOnlyList<SuiteOutcome> FailuresOfItsRequirement => [.. Failures.Where(o => o.Requirement == Row.RequirementId)];

    /// <summary>The red tests of a fault's row that name a requirement it declares it also breaks.</summary>
    public IReadOnlyList<SuiteOutcome> DeclaredAlsoBroken => Row.MustBeKilled
        ? [.. Failures.Where(f => f.Requirement != Row.RequirementId && (Row.AlsoBreaks ?? []).Any(a => a.RequirementId == f.Requirement))]
        : [];

    /// <summary>
    /// The red tests of a fault's row that name neither its requirement nor one it declares: a deviation blamed on a
    /// rule it did not break, which a step should have left not judged.
    /// </summary>
    public IReadOnlyList<SuiteOutcome> Collateral => Row.MustBeKilled
        ? [.. Failures.Where(f => f.Requirement != Row.RequirementId && !(Row.AlsoBreaks ?? []).Any(a => a.RequirementId == f.Requirement))]
        : [];

    /// <summary>The red tests a correct server must not get: all of them, but for the SHOULD departures the row declares, failed at SHOULD.</summary>
    public IReadOnlyList<SuiteOutcome> UndeclaredFailures => [.. Failures.Where(f => !(f.Level == "SHOULD" && Departs(f)))];

    /// <summary>Declared SHOULD departures the suite did not report: a check that cannot see the departure.</summary>
    public IReadOnlyList<string> UnreportedDepartures =>
        [.. (Row.ShouldDepartures ?? []).Where(d => !Failures.Any(f => f.Level == "SHOULD" && MethodOf(f) == d))];

    /// <summary>
    /// Whether the suite judged the row right: a fault is killed by a red test naming the fault's requirement; plain
    /// and variant servers get no red test but the SHOULD departures they declare, and those they do get. A run that
    /// could not be made is never right.
    /// </summary>
    public bool Judged => Error is null && Outcomes.Count > 0
        && (Row.MustBeKilled ? FailuresOfItsRequirement.Count > 0 : UndeclaredFailures.Count == 0 && UnreportedDepartures.Count == 0);

    private bool Departs(SuiteOutcome failure) => (Row.ShouldDepartures ?? []).Contains(MethodOf(failure));

    private static string MethodOf(SuiteOutcome outcome) => outcome.ShortName.Split('(')[0].Split('.')[^1];
}
