namespace Conformance.Harness.KnownFailures;

/// <summary>A run's known failures and what a listed test that passes does to the run.</summary>
/// <param name="List">The listed requirements and tests.</param>
/// <param name="FixedFailsRun">Whether a listed test that passes fails the run (the default) or is only flagged.</param>
public sealed record KnownFailurePolicy(KnownFailureList List, bool FixedFailsRun);
