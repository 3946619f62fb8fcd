using System.Globalization;
using Conformance.Harness.KnownFailures;

namespace Conformance.Harness.Reporting;

/// <summary>
/// How much of a set of tests reached a verdict on the server: passed, failed, failed but listed as known, and the
/// rest not judged (Inconclusive).
/// </summary>
/// <remarks>
/// It counts the server's conformance, whatever the known-failures list did to the run: a fixed entry passed, a known
/// one failed. A broken test (an error, not a failed assertion) fails the run, so it counts as failed: reporting it as
/// not judged would hide a failure.
/// </remarks>
public sealed class JudgedTally
{
    private JudgedTally(IReadOnlyCollection<TestRecord> records)
    {
        Total = records.Count;
        Passed = records.Count(r => r.Known == KnownFailureOutcome.Fixed || (r.Known == KnownFailureOutcome.None && r.Verdict == Verdict.Passed));
        Failed = [.. records.Where(r => r.Known == KnownFailureOutcome.None && r.Verdict is Verdict.Failed or Verdict.Broken)];
        KnownFailures = [.. records.Where(r => r.Known == KnownFailureOutcome.Expected)];
        NotJudged = [.. records.Where(r => r.Known == KnownFailureOutcome.None && r.Verdict == Verdict.Skipped)];
    }

    /// <summary>Every test counted.</summary>
    public int Total { get; }

    /// <summary>Tests whose rule the server kept.</summary>
    public int Passed { get; }

    /// <summary>Tests whose rule the server broke, unlisted: they fail the run.</summary>
    public IReadOnlyList<TestRecord> Failed { get; }

    /// <summary>Tests whose rule the server broke, listed as known failures.</summary>
    public IReadOnlyList<TestRecord> KnownFailures { get; }

    /// <summary>Tests that reached no verdict (Inconclusive).</summary>
    public IReadOnlyList<TestRecord> NotJudged { get; }

    /// <summary>Tests that reached a verdict.</summary>
    public int Judged => Passed + Failed.Count + KnownFailures.Count;

    /// <summary>The tally of <paramref name="records"/>.</summary>
    public static JudgedTally Of(IEnumerable<TestRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new JudgedTally([.. records]);
    }

    /// <summary>"102 of 132 tests: 100 passed, 2 failed (1 MUST, 1 SHOULD); 30 not judged", without a final period.</summary>
    public string Figures()
    {
        var known = KnownFailures.Count == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $", {KnownFailures.Count} known {(KnownFailures.Count == 1 ? "failure" : "failures")} ({ByLevel(KnownFailures)})");
        return string.Create(CultureInfo.InvariantCulture,
            $"{Judged} of {Total} {(Total == 1 ? "test" : "tests")}: {Passed} passed, {FailedWithLevels()}{known}; {NotJudged.Count} not judged");
    }

    /// <summary>The line a report opens with: "Judged 102 of 132 tests: 100 passed, 2 failed (1 MUST, 1 SHOULD); 30 not judged."</summary>
    public string Sentence() => $"Judged {Figures()}.";

    /// <summary>"0", or "2 (1 MUST, 1 SHOULD)": the unexpected failures split by the level each test checks.</summary>
    public string FailedCount() => Failed.Count == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{Failed.Count} ({ByLevel(Failed)})");

    private string FailedWithLevels() =>
        Failed.Count == 0 ? "0 failed" : string.Create(CultureInfo.InvariantCulture, $"{Failed.Count} failed ({ByLevel(Failed)})");

    /// <summary>
    /// "1 MUST, 1 SHOULD", strongest level first. The level is the one the test checks, which can be weaker than the
    /// catalogue's (<c>[Requirement(id, level)]</c>): the record carries it so.
    /// </summary>
    internal static string ByLevel(IEnumerable<TestRecord> records) => string.Join(", ", records
        .GroupBy(r => r.Requirement?.Level)
        .OrderBy(g => g.Key is null ? int.MaxValue : (int)g.Key)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {(g.First().Requirement is { } requirement ? requirement.LevelName : "without a requirement")}")));
}
