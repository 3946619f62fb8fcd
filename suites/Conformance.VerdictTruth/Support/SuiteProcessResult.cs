namespace Conformance.VerdictTruth.Support;

/// <summary>What a <c>dotnet test</c> run of the suite left: its exit code, each test's outcome, and its Markdown summary.</summary>
/// <param name="ExitCode">The exit code CI would see.</param>
/// <param name="Outcomes">Each test's TRX outcome by full name (Passed, Failed, or NotExecuted for Inconclusive and warnings).</param>
/// <param name="Summary">The run's <c>summary.md</c>.</param>
/// <param name="JUnit">The run's <c>junit.xml</c> (empty when it wrote none).</param>
/// <param name="Leaks">Where a secret the caller named turned up in the run's console output or files (places only).</param>
public sealed record SuiteProcessResult(
    int ExitCode, IReadOnlyDictionary<string, string> Outcomes, string Summary, System.Xml.Linq.XDocument JUnit, IReadOnlyList<string> Leaks);
