namespace Conformance.VerdictTruth.KillMatrix;

/// <summary>What every matrix, on open or closed servers, asks of a row's result.</summary>
internal static class MatrixVerdicts
{
    /// <summary>A fault turns red no test of a rule it neither breaks nor declares: a test leaning on it is blocked instead.</summary>
    public static void TurnsRedOnlyItsOwnOrDeclaredRules(MatrixResult result)
    {
        result.Error.Should().BeNull();
        result.Collateral.Should().BeEmpty(
            "the fault breaks {0}; a test of another rule that leans on it must be blocked by {0} (not judged), not failed; collateral: {1}",
            result.Row.RequirementId, MatrixReport.Describe(result.Collateral));
    }

    /// <summary>A correct server (plain, or a legal variant) gets no red test but the SHOULD departures its row declares.</summary>
    public static void FailsNothingUndeclared(MatrixResult result)
    {
        result.Error.Should().BeNull();
        result.Outcomes.Should().NotBeEmpty();
        result.UndeclaredFailures.Should().BeEmpty("the server is correct ({0}); failures: {1}", result.Row.Description, MatrixReport.Describe(result.UndeclaredFailures));
    }
}
