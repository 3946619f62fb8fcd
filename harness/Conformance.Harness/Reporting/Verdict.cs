namespace Conformance.Harness.Reporting;

/// <summary>How a test case ended, in report terms.</summary>
public enum Verdict
{
    /// <summary>The server kept the rule.</summary>
    Passed,

    /// <summary>The server broke the rule (an assertion failed).</summary>
    Failed,

    /// <summary>The test could not reach a verdict: an unexpected exception, a transport failure.</summary>
    Broken,

    /// <summary>Not applicable to this server (Inconclusive), with the probed reason.</summary>
    Skipped,
}
