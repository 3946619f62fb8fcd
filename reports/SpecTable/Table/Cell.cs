using System.Globalization;
using Conformance.SpecTable.Results;

namespace Conformance.SpecTable.Table;

/// <summary>One server's verdict on one requirement, from its tests' verdicts: a failure outweighs everything else.</summary>
/// <param name="Kind">The verdict.</param>
/// <param name="Reason">The one-line reason (a failure's first line, why it was not judged), or null for a plain pass.</param>
public sealed record Cell(CellKind Kind, string? Reason)
{
    /// <summary>The cell for a requirement whose tests ended as <paramref name="tests"/>.</summary>
    public static Cell Of(IReadOnlyCollection<TestOutcome> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var failed = tests.Where(t => t.Failed).ToList();
        var known = tests.Where(t => t.Known).ToList();
        var passed = tests.Count(t => t.Status == "passed");
        return (failed, known, passed) switch
        {
            ({ Count: > 0 }, _, _) => new(CellKind.Failed, Counted(failed[0].Reason, failed.Count, tests.Count, "failed")),
            (_, { Count: > 0 }, _) => new(CellKind.KnownFailure, Counted(known[0].Reason, known.Count, tests.Count, "listed as known")),
            (_, _, > 0) => new(CellKind.Passed, passed == tests.Count ? null : string.Create(CultureInfo.InvariantCulture, $"{passed} of {tests.Count} tests judged")),
            _ when tests.Count > 0 => new(CellKind.NotJudged, tests.First().Reason),
            _ => new(CellKind.NoTest, null),
        };
    }

    /// <summary>The cell's words: "failed: reason", "not judged: reason", "passed".</summary>
    public string Text => Kind switch
    {
        CellKind.Passed => Reason is null ? "passed" : $"passed ({Reason})",
        CellKind.Failed => $"failed: {Reason}",
        CellKind.KnownFailure => $"known failure: {Reason}",
        CellKind.NotJudged => $"not judged: {Reason}",
        _ => "no test in this run",
    };

    private static string Counted(string reason, int some, int all, string what) =>
        all == 1 ? reason : string.Create(CultureInfo.InvariantCulture, $"{some} of {all} tests {what}; {reason}");
}
