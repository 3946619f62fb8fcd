using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.SpecTable.Results;

/// <summary>Reads the verdicts a suite run wrote as Allure results: nothing is judged again.</summary>
public static class AllureResults
{
    /// <summary>The Allure results folder itself: <paramref name="folder"/>, or its <c>allure-results</c> when it holds one.</summary>
    public static string ResultsFolderOf(string folder)
    {
        var inner = Path.Combine(folder, "allure-results");
        return Directory.Exists(inner) && !Directory.EnumerateFiles(folder, "*-result.json").Any() ? inner : folder;
    }

    /// <summary>Every test result in <paramref name="folder"/> that names a requirement.</summary>
    /// <exception cref="DirectoryNotFoundException">There is no such folder.</exception>
    public static IReadOnlyList<TestOutcome> Read(string folder)
    {
        var outcomes = new List<TestOutcome>();
        foreach (var file in Directory.EnumerateFiles(ResultsFolderOf(folder), "*-result.json"))
        {
            var result = JsonNode.Parse(File.ReadAllText(file))!;
            var story = result["labels"]?.AsArray().FirstOrDefault(l => (string?)l?["name"] == "story")?["value"];
            if (story?.GetValueKind() != JsonValueKind.String)
            {
                continue;
            }

            var details = result["statusDetails"];
            outcomes.Add(new TestOutcome(
                story.GetValue<string>(),
                (string?)result["fullName"] ?? file,
                (string?)result["status"] ?? "unknown",
                details?["known"]?.GetValueKind() == JsonValueKind.True,
                (string?)details?["message"]));
        }

        return outcomes;
    }
}
