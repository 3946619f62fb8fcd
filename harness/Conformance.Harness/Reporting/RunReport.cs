using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conformance.Harness.Client;
using Conformance.Harness.Identifiers;
using Conformance.Harness.Running;

namespace Conformance.Harness.Reporting;

/// <summary>
/// The run's report: the Allure results folder (emptied when the run starts), one result per finished test, and at
/// the end the run-level files plus a Markdown summary (<c>summary.md</c>) beside the results.
/// </summary>
public sealed class RunReport
{
    private readonly ConcurrentQueue<TestRecord> _records = new();
    private readonly AllureResultWriter _writer;

    private RunReport(string folder)
    {
        Folder = folder;
        _writer = new AllureResultWriter(folder);
    }

    /// <summary>Where the Allure results go.</summary>
    public string Folder { get; }

    /// <summary>The Markdown summary's path, next to the results folder.</summary>
    public string SummaryPath => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Folder).TrimEnd(Path.DirectorySeparatorChar))!, "summary.md");

    /// <summary>Starts a report in <paramref name="folder"/>, deleting what an earlier run left there.</summary>
    public static RunReport Start(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return new RunReport(folder);
    }

    /// <summary>The default folder: <c>reports/allure-results</c> of the repository the suite was built in, else of the working directory.</summary>
    public static string DefaultFolder() =>
        Path.Combine(SourceTree.Root?.FullName ?? Environment.CurrentDirectory, "reports", "allure-results");

    /// <summary>Records one finished test and writes its result.</summary>
    public void Add(TestRecord record)
    {
        _records.Enqueue(record);
        _writer.Write(record);
    }

    /// <summary>Writes the run-level files and the summary; appends the summary to <c>$GITHUB_STEP_SUMMARY</c> when set.</summary>
    public void Finish(RunFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        facts = facts with { ServerName = facts.ServerName ?? ServerNameSeen() };
        AllureRunFiles.Write(Folder, facts);
        var summary = MarkdownSummary.Of([.. _records], facts);
        File.WriteAllText(SummaryPath, summary);
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
        {
            File.AppendAllText(stepSummary, summary);
        }
    }

    /// <summary>The server name as the server itself wrote it: after the colon of the first user ID it returned.</summary>
    private string? ServerNameSeen()
    {
        foreach (var response in _records.SelectMany(r => r.Exchanges).Select(e => e.Response).OfType<RecordedMessage>())
        {
            var userId = Json.TryParse(response.Body)?["user_id"];
            if (userId is JsonValue value && value.TryGetValue<string>(out var id) && new UserId(id).ServerName is { Length: > 0 } name)
            {
                return name;
            }
        }

        return null;
    }
}
