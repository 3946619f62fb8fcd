using Conformance.Harness.Requirements;
using Conformance.Harness.Running;
using Conformance.SpecTable.Command;
using Conformance.SpecTable.Results;
using Conformance.SpecTable.Runs;
using Conformance.SpecTable.Table;

namespace Conformance.SpecTable;

/// <summary>
/// "Are we spec yet": runs the suite against each named server in turn (or reads earlier runs' results) and writes one
/// Markdown and one HTML table of the suite's verdicts per requirement and server.
/// </summary>
public static class Program
{
    /// <summary>Exit codes: 0 the tables were written, 1 a column has no results, 2 the command line is wrong.</summary>
    public static async Task<int> Main(string[] args)
    {
        var root = SourceTree.Root?.FullName ?? Environment.CurrentDirectory;
        var (arguments, error) = SpecTableArguments.Parse(args, root);
        if (arguments is null)
        {
            await Console.Error.WriteLineAsync($"{error}\n\n{SpecTableArguments.Usage}");
            return 2;
        }

        Directory.CreateDirectory(arguments.Output);
        var columns = new List<ServerColumn>();
        var runs = new List<(string, IReadOnlyList<TestOutcome>)>();
        foreach (var server in arguments.Servers)
        {
            var (folder, column) = await ResultsOfAsync(server, arguments);
            if (!Directory.Exists(folder) || AllureResults.Read(folder) is not { Count: > 0 } outcomes)
            {
                await Console.Error.WriteLineAsync($"{server.Name}: no test results in {folder}{(column.Said is null ? string.Empty : $" ({column.Said})")}");
                return 1;
            }

            columns.Add(column);
            runs.Add((server.Name, outcomes));
        }

        var table = SpecTableData.Of(runs, RequirementCatalogue.Requirements);
        var markdown = Path.Combine(arguments.Output, "spec-table.md");
        var html = Path.Combine(arguments.Output, "spec-table.html");
        await File.WriteAllTextAsync(markdown, MarkdownTable.Of(table, columns));
        await File.WriteAllTextAsync(html, HtmlTable.Of(table, columns));
        foreach (var server in table.Servers)
        {
            Console.WriteLine($"{server}: {CountsText.Of(table.Counts(server, null))} of {table.Requirements.Count} requirements");
        }

        Console.WriteLine($"Spec table: {markdown} and {html}");
        return 0;
    }

    /// <summary>The column's Allure results folder: an earlier run's, or that of the run made now.</summary>
    private static async Task<(string Folder, ServerColumn Column)> ResultsOfAsync(ServerSource server, SpecTableArguments arguments)
    {
        if (server.Url is null)
        {
            return (server.ResultsFolder!, new ServerColumn(server.Name, server.ResultsFolder!, null));
        }

        Console.WriteLine($"{server.Name}: running the suite against {server.Url}");
        var (folder, said) = await SuiteRun.RunAsync(server, arguments.Suite, Path.GetFullPath(Path.Combine(arguments.Output, server.Name)));
        Console.WriteLine($"{server.Name}: {said}");
        return (folder, new ServerColumn(server.Name, server.Url.ToString(), said));
    }
}
