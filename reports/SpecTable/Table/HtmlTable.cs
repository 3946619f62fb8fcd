using System.Globalization;
using System.Net;
using System.Text;

namespace Conformance.SpecTable.Table;

/// <summary>The table as a standalone HTML page (everything from a run escaped): the runs, the counts per spec version, a table per area.</summary>
public static class HtmlTable
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2em; }
        table { border-collapse: collapse; margin-bottom: 2em; }
        th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
        td.passed { background: #e6f4ea; } td.failed { background: #fce8e6; }
        td.knownfailure { background: #fef7e0; } td.notjudged, td.notest { background: #f1f3f4; color: #555; }
        """;

    /// <summary>The HTML page for <paramref name="table"/>.</summary>
    public static string Of(SpecTableData table, IReadOnlyList<ServerColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        var page = new StringBuilder();
        page.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\">").AppendLine("<head>").AppendLine("<meta charset=\"utf-8\" />");
        page.AppendLine("<title>Are we spec yet</title>").AppendLine(CultureInfo.InvariantCulture, $"<style>{Style}</style>").AppendLine("</head>").AppendLine("<body>");
        page.AppendLine("<h1>Are we spec yet</h1>");
        page.AppendLine("<p>One row per requirement of the Matrix Client-Server spec the suite checks, one column per server; each cell is the suite's own verdict, read from that run's results.</p>");
        page.AppendLine("<table><thead><tr><th>server</th><th>run against</th><th>the suite said</th></tr></thead><tbody>");
        foreach (var column in columns)
        {
            page.AppendLine(CultureInfo.InvariantCulture, $"<tr><td>{E(column.Name)}</td><td>{E(column.Source)}</td><td>{E(column.Said ?? "(an earlier run's results)")}</td></tr>");
        }

        page.AppendLine("</tbody></table>").AppendLine("<h2>Requirements per spec version</h2>");
        page.AppendLine(CultureInfo.InvariantCulture, $"<table><thead><tr><th>spec version</th><th>requirements</th>{Headers(table)}</tr></thead><tbody>");
        foreach (var version in table.Versions.Append(null))
        {
            var count = table.Requirements.Count(r => version is null || SpecTableData.VersionOf(r) == version);
            page.AppendLine(CultureInfo.InvariantCulture,
                $"<tr><td>{E(version ?? "all")}</td><td>{count}</td>{string.Concat(table.Servers.Select(s => $"<td>{E(CountsText.Of(table.Counts(s, version)))}</td>"))}</tr>");
        }

        page.AppendLine("</tbody></table>");
        foreach (var area in table.Areas)
        {
            page.AppendLine(CultureInfo.InvariantCulture, $"<h2>{E(area.Key)}</h2>");
            page.AppendLine(CultureInfo.InvariantCulture, $"<table><thead><tr><th>requirement</th><th>level</th><th>since</th>{Headers(table)}</tr></thead><tbody>");
            foreach (var requirement in area)
            {
                page.Append(CultureInfo.InvariantCulture,
                    $"<tr><td><a href=\"{E(requirement.SpecLink.ToString())}\">{E(requirement.Id)}</a> {E(requirement.Rule)}</td><td>{requirement.LevelName}</td><td>{E(SpecTableData.VersionOf(requirement))}</td>");
                foreach (var server in table.Servers)
                {
                    var cell = table[requirement, server];
                    page.Append(CultureInfo.InvariantCulture, $"<td class=\"{cell.Kind.ToString().ToLowerInvariant()}\">{E(cell.Text)}</td>");
                }

                page.AppendLine("</tr>");
            }

            page.AppendLine("</tbody></table>");
        }

        return page.AppendLine("</body>").AppendLine("</html>").ToString();
    }

    private static string Headers(SpecTableData table) => string.Concat(table.Servers.Select(s => $"<th>{E(s)}</th>"));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
