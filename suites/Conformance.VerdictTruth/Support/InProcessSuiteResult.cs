namespace Conformance.VerdictTruth.Support;

/// <summary>What one in-process run of the suite left: every verdict, every secret value it used, and what it printed.</summary>
/// <param name="Outcomes">Every test's verdict.</param>
/// <param name="SecretsUsed">The secret values the harness redacted (kept in memory, to check no output holds one).</param>
/// <param name="Printed">Everything a test logger could print: progress lines, test output, names, messages, stack traces.</param>
/// <param name="Leaks">Where a secret of the run turned up in what it printed or wrote (places only); empty when none did.</param>
public sealed record InProcessSuiteResult(
    IReadOnlyList<SuiteOutcome> Outcomes, IReadOnlyList<string> SecretsUsed, IReadOnlyList<string> Printed, IReadOnlyList<string>? Leaks = null);
