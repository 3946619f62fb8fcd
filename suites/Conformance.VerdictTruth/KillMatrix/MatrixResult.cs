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

    /// <summary>
    /// Whether the suite judged the row right: a fault is killed by a red test naming the fault's requirement; plain
    /// and variant servers get no red test at all. A run that could not be made is never right.
    /// </summary>
    public bool Judged => Error is null && Outcomes.Count > 0 && (Row.MustBeKilled ? FailuresOfItsRequirement.Count > 0 : Failures.Count == 0);
}
