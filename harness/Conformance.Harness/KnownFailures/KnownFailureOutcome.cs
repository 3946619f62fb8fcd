namespace Conformance.Harness.KnownFailures;

/// <summary>What a known-failures list made of a test's result.</summary>
public enum KnownFailureOutcome
{
    /// <summary>The test is not listed, or its result needed no reclassifying (e.g. Inconclusive).</summary>
    None,

    /// <summary>Listed and failed, as expected: reported, but not a CI failure.</summary>
    Expected,

    /// <summary>Listed but passed: the server was fixed, so the entry should go.</summary>
    Fixed,
}
