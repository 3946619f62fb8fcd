using System.Globalization;

namespace Conformance.SpecTable.Table;

/// <summary>A counts cell in words, the same in both tables: "12 passed, 1 failed, 0 known failures, 3 not judged" (one "known failure").</summary>
public static class CountsText
{
    /// <summary>The words for <paramref name="counts"/>; requirements the run had no test of are named only when there are some.</summary>
    public static string Of(IReadOnlyDictionary<CellKind, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int N(CellKind kind) => counts.GetValueOrDefault(kind);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{N(CellKind.Passed)} passed, {N(CellKind.Failed)} failed, {N(CellKind.KnownFailure)} known {(N(CellKind.KnownFailure) == 1 ? "failure" : "failures")}, {N(CellKind.NotJudged)} not judged");
        return N(CellKind.NoTest) == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}, {N(CellKind.NoTest)} without a test");
    }
}
