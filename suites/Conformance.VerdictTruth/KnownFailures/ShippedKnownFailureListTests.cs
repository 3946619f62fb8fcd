using Conformance.Harness.KnownFailures;
using Conformance.VerdictTruth.KillMatrix;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.KnownFailures;

/// <summary>
/// The known-failures lists this repository ships for real servers (<c>suites/known-failures</c>): the suite takes
/// each, and each entry names a test the suite has, followed by that test's rule and the spec's words it breaks.
/// </summary>
public sealed class ShippedKnownFailureListTests
{
    public static IEnumerable<TestCaseData> Lists() =>
        Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "suites", "known-failures"), "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(p).SetArgDisplayNames(Path.GetFileName(p)));

    [TestCaseSource(nameof(Lists))]
    public async Task Every_entry_names_a_test_of_the_suite_with_its_rule_and_the_spec_sentence_it_breaks(string path)
    {
        var lines = await File.ReadAllLinesAsync(path);
        var tests = CoverageTableTests.ListedTests(await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "suites", "README.md")))
            .ToDictionary(t => t.Test, t => t.Requirement, StringComparer.Ordinal);
        var entries = lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (Test: l.Split('#')[0].Trim(), Reason: l.Contains('#', StringComparison.Ordinal) ? l[(l.IndexOf('#', StringComparison.Ordinal) + 1)..].Trim() : string.Empty))
            .ToList();

        KnownFailureList.Parse(path, lines).Count.Should().Be(entries.Count, "the suite reads every entry of the list");
        entries.Should().NotBeEmpty();
        foreach (var (test, reason) in entries)
        {
            tests.Should().ContainKey(test.Split('(')[0], "an entry names a test of the suite as Class.Method");
            reason.Should().StartWith(tests[test.Split('(')[0]] + " ", "the reason opens with the rule of the test it names")
                .And.Contain("\"", "the reason quotes the spec's words the server breaks");
        }
    }
}
