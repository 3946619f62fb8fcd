using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Conformance.Harness.Client;
using Conformance.Harness.Identifiers;
using Conformance.Harness.KnownFailures;
using Conformance.Harness.Running;

namespace Conformance.Harness.Reporting;

/// <summary>
/// The run's report: the Allure results folder (emptied when the run starts), one result per finished test, and at
/// the end the run-level files plus a Markdown summary (<c>summary.md</c>) and JUnit XML (<c>junit.xml</c>) beside
/// the results.
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
    public string SummaryPath => Beside("summary.md");

    /// <summary>The JUnit XML's path, next to the results folder.</summary>
    public string JUnitPath => Beside("junit.xml");

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

    /// <summary>
    /// Writes a failure's reproduction script to <c>reproductions/</c> in the results folder, named after the test
    /// (<c>Class.Method</c>, and a hash of the case's arguments when it has some); returns its path.
    /// </summary>
    public string WriteReproduction(string shortClassName, string methodName, string arguments, string script)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var folder = Directory.CreateDirectory(Path.Combine(Folder, "reproductions")).FullName;
        var @case = arguments.Length == 0
            ? string.Empty
            : "-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(arguments)))[..8];
        var path = Path.Combine(folder, $"{shortClassName}.{methodName}{@case}.sh");
        File.WriteAllText(path, script);
        return path;
    }

    /// <summary>Records one finished test and writes its result.</summary>
    public void Add(TestRecord record)
    {
        _records.Enqueue(record);
        _writer.Write(record);
    }

    /// <summary>
    /// Writes the run-level files, the summary and the JUnit XML; appends the summary to <c>$GITHUB_STEP_SUMMARY</c>
    /// when set. Returns the run's <see cref="ClosingLine"/>, which the run prints last.
    /// </summary>
    /// <param name="facts">What the run learnt about the server.</param>
    /// <param name="knownFailures">The run's known-failures list, so the summary can name entries no test matched.</param>
    public string Finish(RunFacts facts, KnownFailureList? knownFailures = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        facts = facts with { ServerName = facts.ServerName ?? ServerNameSeen() };
        var records = _records.ToList();
        AllureRunFiles.Write(Folder, facts, records);
        var summary = MarkdownSummary.Of(records, facts, knownFailures);
        File.WriteAllText(SummaryPath, summary);
        using (var junit = XmlWriter.Create(JUnitPath, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            JUnitReport.Of(records).Save(junit);
        }

        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
        {
            File.AppendAllText(stepSummary, summary);
        }

        return ClosingLine.Of(records, SummaryPath, knownFailures);
    }

    private string Beside(string fileName) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Folder).TrimEnd(Path.DirectorySeparatorChar))!, fileName);

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
