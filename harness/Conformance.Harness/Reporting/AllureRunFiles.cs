using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.Harness.Reporting;

/// <summary>The run-level Allure files: environment.properties, executor.json and categories.json.</summary>
/// <remarks>
/// The report's overview lists environment.properties first (Allure 3 "Metadata", eight entries before "Show more";
/// Allure 2 "Environment"), so the judged figures and the largest not-judged groups lead it; every group is also a
/// category, which both overviews count.
/// </remarks>
public static class AllureRunFiles
{
    /// <summary>How many not-judged groups the metadata names before it points to the categories for the rest.</summary>
    private const int GroupsInMetadata = 3;

    /// <summary>Writes the three files into <paramref name="folder"/>, with the figures of <paramref name="records"/>.</summary>
    public static void Write(string folder, RunFacts facts, IReadOnlyCollection<TestRecord> records)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(records);
        var version = typeof(AllureRunFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var tally = JudgedTally.Of(records);
        var groups = NotJudgedGroup.Of(tally.NotJudged);
        var environment = new StringBuilder().Append("Judged=").AppendLine(Escape(tally.Figures()));
        foreach (var (group, index) in groups.Take(GroupsInMetadata).Select((g, i) => (g, i + 1)))
        {
            environment.Append(CultureInfo.InvariantCulture, $"NotJudged.{index}=")
                .AppendLine(Escape(string.Create(CultureInfo.InvariantCulture, $"{group.Tests.Count} {(group.Tests.Count == 1 ? "test" : "tests")}: {group.Reason}")));
        }

        if (groups.Count > GroupsInMetadata)
        {
            var rest = groups.Skip(GroupsInMetadata).ToList();
            var tests = rest.Sum(g => g.Tests.Count);
            environment.Append("NotJudged.more=").AppendLine(Escape(string.Create(CultureInfo.InvariantCulture,
                $"{rest.Count} more {(rest.Count == 1 ? "reason" : "reasons")}, {tests} {(tests == 1 ? "test" : "tests")}: each is a category")));
        }

        environment
            .Append("Server.URL=").AppendLine(Escape(facts.Target))
            .Append("Server.Name=").AppendLine(Escape(facts.ServerName ?? "unknown (no user ID was returned)"))
            .Append("Server.Software=").AppendLine(Escape(facts.ServerSoftware ?? "not sent"))
            .Append("Server.SpecVersions=").AppendLine(Escape(string.Join(", ", facts.AdvertisedVersions)))
            .Append("Suite.Version=").AppendLine(Escape(version))
            .Append("Suite.Seed=").AppendLine(facts.Seed.ToString(CultureInfo.InvariantCulture));
        foreach (var (feature, finding) in facts.Features ?? [])
        {
            environment.Append("Feature.").Append(new string([.. feature.Where(char.IsLetter)])).Append('=').AppendLine(Escape(finding));
        }

        File.WriteAllText(Path.Combine(folder, "environment.properties"), environment.ToString());

        var github = Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";
        var runUrl = github
            ? $"{Environment.GetEnvironmentVariable("GITHUB_SERVER_URL")}/{Environment.GetEnvironmentVariable("GITHUB_REPOSITORY")}/actions/runs/{Environment.GetEnvironmentVariable("GITHUB_RUN_ID")}"
            : null;
        var executor = new JsonObject
        {
            ["name"] = github ? "GitHub Actions" : "dotnet test",
            ["type"] = github ? "github" : "local",
            ["buildName"] = github ? $"run {Environment.GetEnvironmentVariable("GITHUB_RUN_NUMBER")}" : Environment.MachineName,
            ["buildUrl"] = runUrl,
            ["reportName"] = "Matrix registration conformance",
        };
        File.WriteAllText(Path.Combine(folder, "executor.json"), executor.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "categories.json"), Categories(groups).ToJsonString());
    }

    /// <summary>
    /// Failure buckets; the first that matches wins, so the known-failures list's two groups come first, then server
    /// errors and transport trouble. Then one bucket per not-judged group (largest first), and any other skipped test
    /// under "Not applicable".
    /// </summary>
    /// <remarks>
    /// Allure 2 matches the whole message, Allure 3 (3.14) searches it, and messages span lines: <c>[\s\S]*</c> crosses
    /// line breaks in both Java and JavaScript, where <c>.*</c> does not, and a group's pattern is anchored at both ends
    /// so it means the same to both.
    /// </remarks>
    public static JsonArray Categories(IReadOnlyList<NotJudgedGroup>? notJudged = null) =>
    [
        Category("Known failure (listed)", "Known failure \\(listed in" + Any, "failed", "broken"),
        Category("Fixed known failure: remove it from the list", "Fixed known failure:" + Any, "failed", "broken"),
        Category("Server error (5xx)", Any + "got HTTP 5[0-9][0-9]" + Any, "failed", "broken"),
        Category("Transport / timeout", Any + "(--- no response|TransportException)" + Any, "failed", "broken"),
        Category("Spec violation (MUST)", Any + "\\(MUST" + Any, "failed", "broken"),
        Category("Spec deviation (SHOULD)", Any + "\\(SHOULD" + Any, "failed", "broken"),
        .. (notJudged ?? []).Select(g => Category(CategoryName(g.Reason), FirstLineIsOneOf(g.Tests), "skipped")),
        Category("Not applicable", Any, "skipped"),
    ];

    private const string Any = "[\\s\\S]*";

    /// <summary>Whitespace within a line: <c>\s</c> without the line break.</summary>
    private const string Blank = "[^\\S\\n]*";

    private static JsonObject Category(string name, string messageRegex, params string[] statuses) => new()
    {
        ["name"] = name,
        ["messageRegex"] = messageRegex,
        ["matchedStatuses"] = new JsonArray([.. statuses.Select(s => (JsonNode)s)]),
    };

    /// <summary>
    /// A pattern for the messages whose first line, trimmed, is one of those of <paramref name="tests"/>: the line
    /// <see cref="Probes.NotJudgedReason.Of"/> reads the group from, so the category holds exactly the group's tests
    /// without this code knowing the message format.
    /// </summary>
    private static string FirstLineIsOneOf(IEnumerable<TestRecord> tests)
    {
        var lines = tests.Select(t => (t.Message ?? string.Empty).Split('\n')[0].Trim()).Distinct(StringComparer.Ordinal).Select(Literal);
        return $"^{Blank}(?:{string.Join('|', lines)}){Blank}(?:\\n{Any})?$";
    }

    /// <summary>
    /// The text as a literal in both regex dialects: only the syntax characters escaped, since JavaScript in Unicode
    /// mode refuses an escaped letter or <c>#</c> (what <see cref="System.Text.RegularExpressions.Regex.Escape"/> adds).
    /// </summary>
    private static string Literal(string text)
    {
        var literal = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            literal.Append("\\^$.|?*+()[]{}".Contains(c, StringComparison.Ordinal) ? "\\" : string.Empty).Append(c);
        }

        return literal.ToString();
    }

    /// <summary>Allure 3 refuses a category whose id (its name) holds a control character.</summary>
    private static string CategoryName(string reason) => "Not judged: " + new string([.. reason.Select(c => char.IsControl(c) ? ' ' : c)]);

    // Java properties: backslashes and line breaks must not end or bend a value.
    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
