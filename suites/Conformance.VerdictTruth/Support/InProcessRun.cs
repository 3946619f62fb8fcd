namespace Conformance.VerdictTruth.Support;

/// <summary>What one in-process run of the suite left: every verdict, and every secret value it sent or received.</summary>
/// <param name="Outcomes">Every test's verdict.</param>
/// <param name="SecretsUsed">The secret values the harness redacted (kept in memory, to check no output holds one).</param>
public sealed record InProcessRun(IReadOnlyList<SuiteOutcome> Outcomes, IReadOnlyList<string> SecretsUsed);
