using System.Globalization;
using System.Text;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.KillMatrix;

/// <summary>The matrix as a Markdown table under <c>reports/</c>, and its one-line total.</summary>
public static class MatrixReport
{
    /// <summary>Where the table is written.</summary>
    public static string FilePath => Path.Combine(RepositoryLayout.Root, "reports", "kill-matrix.md");

    /// <summary>Red tests, one a line: the test, its rule, and its message's first line.</summary>
    public static string Describe(IEnumerable<Support.SuiteOutcome> failures) =>
        string.Join("\n", failures.Select(f => $"{f.ShortName} [{f.Requirement}]: {f.Message?.Split('\n')[0]}"));

    /// <summary><c>faults killed K/N, variants passed V/M</c>; the plain server counts with the variants.</summary>
    public static string Total(KillMatrixRunner.Matrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var faults = matrix.Results.Where(r => r.Row.MustBeKilled).ToList();
        var others = matrix.Results.Where(r => !r.Row.MustBeKilled).ToList();
        return $"faults killed {faults.Count(r => r.Judged)}/{faults.Count}, variants passed {others.Count(r => r.Judged)}/{others.Count}";
    }

    /// <summary>
    /// <c>collateral: N red tests of undeclared rules, D declared</c>: how precisely the faults are blamed. A red test
    /// of a fault's row that names another rule is collateral, unless the fault declares it also breaks that rule.
    /// </summary>
    public static string Collateral(KillMatrixRunner.Matrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return $"collateral: {matrix.Results.Sum(r => r.Collateral.Count)} red tests of undeclared rules, {matrix.Results.Sum(r => r.DeclaredAlsoBroken.Count)} declared";
    }

    /// <summary>Writes the table and returns its path.</summary>
    public static string Write(KillMatrixRunner.Matrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var text = new StringBuilder()
            .AppendLine("# Kill matrix")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"**{Total(matrix)}** (seed {matrix.Seed}, {matrix.Elapsed.TotalSeconds:F0} s). Written by `suites/Conformance.VerdictTruth` on every run.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"**{Collateral(matrix)}**")
            .AppendLine()
            .AppendLine("A fault is killed when a test naming the fault's requirement fails; the plain server and every variant must fail no test. "
                + "A fault's red test of another rule is collateral, unless the fault's catalogue entry declares it also breaks that rule (\"also breaks\", with why).")
            .AppendLine()
            .AppendLine("| kind | name | requirement | judged | failing tests (requirement) | also breaks (declared) | collateral |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var result in matrix.Results)
        {
            var row = result.Row;
            var failing = result.Error is not null
                ? "run failed: " + Cell(result.Error.Split('\n')[0])
                : string.Join("<br>", result.Failures.Select(f => $"{Cell(f.ShortName)} ({f.Requirement})"));
            var also = string.Join("<br>", (row.AlsoBreaks ?? []).Select(a => $"{a.RequirementId}: {Cell(a.Why)} ({result.DeclaredAlsoBroken.Count(f => f.Requirement == a.RequirementId)} red)"));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Kind} | `{row.Name}` | {row.RequirementId} | {(result.Judged ? "yes" : "**NO**")} | {failing} | {also} | {(row.MustBeKilled ? result.Collateral.Count : "")} |");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, text.ToString());
        return FilePath;
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
