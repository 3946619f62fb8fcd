using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.Harness.Reporting;

/// <summary>The run-level Allure files: environment.properties, executor.json and categories.json.</summary>
public static class AllureRunFiles
{
    /// <summary>Writes the three files into <paramref name="folder"/>.</summary>
    public static void Write(string folder, RunFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var version = typeof(AllureRunFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var environment = new StringBuilder()
            .Append("Server.URL=").AppendLine(Escape(facts.Target))
            .Append("Server.Name=").AppendLine(Escape(facts.ServerName ?? "unknown (no user ID was returned)"))
            .Append("Server.Software=").AppendLine(Escape(facts.ServerSoftware ?? "not sent"))
            .Append("Server.SpecVersions=").AppendLine(Escape(string.Join(", ", facts.AdvertisedVersions)))
            .Append("Suite.Version=").AppendLine(Escape(version))
            .Append("Suite.Seed=").AppendLine(facts.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
        File.WriteAllText(Path.Combine(folder, "categories.json"), Categories().ToJsonString());
    }

    /// <summary>
    /// Failure buckets; the first that matches wins, so the known-failures list's two groups come first, then server
    /// errors and transport trouble.
    /// </summary>
    /// <remarks>
    /// The renderers match the whole message, and messages span lines: <c>[\s\S]*</c> crosses line breaks in both
    /// Java (Allure 2) and JavaScript (Allure 3), where <c>.*</c> does not.
    /// </remarks>
    public static JsonArray Categories() =>
    [
        Category("Known failure (listed)", "Known failure \\(listed in" + Any, "failed", "broken"),
        Category("Fixed known failure: remove it from the list", "Fixed known failure:" + Any, "failed", "broken"),
        Category("Server error (5xx)", Any + "got HTTP 5[0-9][0-9]" + Any, "failed", "broken"),
        Category("Transport / timeout", Any + "(--- no response|TransportException)" + Any, "failed", "broken"),
        Category("Spec violation (MUST)", Any + "\\(MUST" + Any, "failed", "broken"),
        Category("Spec deviation (SHOULD)", Any + "\\(SHOULD" + Any, "failed", "broken"),
        Category("Not applicable", Any, "skipped"),
    ];

    private const string Any = "[\\s\\S]*";

    private static JsonObject Category(string name, string messageRegex, params string[] statuses) => new()
    {
        ["name"] = name,
        ["messageRegex"] = messageRegex,
        ["matchedStatuses"] = new JsonArray([.. statuses.Select(s => (JsonNode)s)]),
    };

    // Java properties: backslashes and line breaks must not end or bend a value.
    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
