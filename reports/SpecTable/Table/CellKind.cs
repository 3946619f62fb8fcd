namespace Conformance.SpecTable.Table;

/// <summary>What one server's run made of one requirement.</summary>
public enum CellKind
{
    /// <summary>Every judged test passed.</summary>
    Passed,

    /// <summary>A test failed (and was not a listed known failure).</summary>
    Failed,

    /// <summary>Its only failures are listed in the run's known-failures file.</summary>
    KnownFailure,

    /// <summary>No test of it was judged (a feature off, a setting missing, …).</summary>
    NotJudged,

    /// <summary>The run has no test of it (none exists, or the run was filtered).</summary>
    NoTest,
}
