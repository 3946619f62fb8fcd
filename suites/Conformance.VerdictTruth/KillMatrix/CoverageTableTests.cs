using System.Text.RegularExpressions;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.KillMatrix;

/// <summary>The coverage table in <c>suites/README.md</c> lists exactly the tests the suite has, under their requirements.</summary>
public sealed partial class CoverageTableTests
{
    [Test]
    public async Task Every_test_of_the_suite_is_listed_under_its_requirement_and_nothing_else_is()
    {
        var plain = (await KillMatrixRunner.ResultAsync()).Results.Single(r => r.Row.Kind == "plain");
        var actual = plain.Outcomes.Select(o => (o.Requirement ?? "(none)", Method(o.ShortName))).ToHashSet();

        var listed = ListedTests(await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "suites", "README.md")));

        actual.Except(listed).Should().BeEmpty("every test must appear in the coverage table of suites/README.md");
        listed.Except(actual).Should().BeEmpty("the coverage table of suites/README.md must not list tests that do not exist");
    }

    private static string Method(string shortName) => shortName.Split('(')[0];

    /// <summary>The (requirement id, <c>Class.Method</c>) pairs the coverage table of <paramref name="readme"/> lists.</summary>
    internal static HashSet<(string Requirement, string Test)> ListedTests(string readme)
    {
        var listed = new HashSet<(string, string)>();
        foreach (Match row in TableRow().Matches(readme))
        {
            foreach (var cell in row.Groups["tests"].Value.Split("<br>"))
            {
                var test = cell.Split(" (")[0].Trim();
                if (test.Contains('.', StringComparison.Ordinal))
                {
                    listed.Add((row.Groups["id"].Value, test));
                }
            }
        }

        return listed;
    }

    [GeneratedRegex(@"^\| (?<id>[A-Z]+(?:-[A-Z0-9]+)+) \| (?:MUST|SHOULD|MAY) \| (?<tests>.+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
