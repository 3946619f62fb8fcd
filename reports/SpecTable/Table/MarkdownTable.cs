using System.Globalization;
using System.Text;

namespace Conformance.SpecTable.Table;

/// <summary>The table as Markdown: the runs, the counts per spec version, then a table per area.</summary>
public static class MarkdownTable
{
    /// <summary>The Markdown page for <paramref name="table"/>.</summary>
    public static string Of(SpecTableData table, IReadOnlyList<ServerColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        var page = new StringBuilder();
        page.AppendLine("# Are we spec yet").AppendLine();
        page.AppendLine("One row per requirement of the Matrix Client-Server spec the suite checks, one column per server; each cell is the suite's own verdict, read from that run's results.").AppendLine();
        page.AppendLine("| server | run against | the suite said |").AppendLine("| --- | --- | --- |");
        foreach (var column in columns)
        {
            page.AppendLine(CultureInfo.InvariantCulture, $"| {Escape(column.Name)} | {Escape(column.Source)} | {Escape(column.Said ?? "(an earlier run's results)")} |");
        }

        page.AppendLine().AppendLine("## Requirements per spec version").AppendLine();
        page.AppendLine(CultureInfo.InvariantCulture, $"| spec version | requirements | {string.Join(" | ", table.Servers.Select(Escape))} |");
        page.AppendLine(CultureInfo.InvariantCulture, $"| --- | --- |{string.Concat(table.Servers.Select(_ => " --- |"))}");
        foreach (var version in table.Versions.Append(null))
        {
            var count = table.Requirements.Count(r => version is null || SpecTableData.VersionOf(r) == version);
            page.AppendLine(CultureInfo.InvariantCulture,
                $"| {Escape(version ?? "all")} | {count} | {string.Join(" | ", table.Servers.Select(s => CountsText.Of(table.Counts(s, version))))} |");
        }

        foreach (var area in table.Areas)
        {
            page.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {Escape(area.Key)}").AppendLine();
            page.AppendLine(CultureInfo.InvariantCulture, $"| requirement | level | since | {string.Join(" | ", table.Servers.Select(Escape))} |");
            page.AppendLine(CultureInfo.InvariantCulture, $"| --- | --- | --- |{string.Concat(table.Servers.Select(_ => " --- |"))}");
            foreach (var requirement in area)
            {
                page.AppendLine(CultureInfo.InvariantCulture,
                    $"| [{Escape(requirement.Id)}]({requirement.SpecLink}) {Escape(requirement.Rule)} | {requirement.LevelName} | {Escape(SpecTableData.VersionOf(requirement))} | "
                    + $"{string.Join(" | ", table.Servers.Select(s => Escape(table[requirement, s].Text)))} |");
            }
        }

        return page.ToString();
    }

    /// <summary>Text made inert in a table cell: no column break, no markup, no HTML.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            escaped.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#' => $"\\{c}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
