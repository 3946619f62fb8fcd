using System.Text.RegularExpressions;

namespace Conformance.VerdictTruth.SpecTable;

/// <summary>The cells of the Markdown spec table, read back: per requirement id, the cell text of each server column.</summary>
public static partial class TableCells
{
    /// <summary>Requirement id → server → cell text (unescaped), from the area tables of <paramref name="markdown"/>.</summary>
    public static Dictionary<string, Dictionary<string, string>> Read(string markdown, IReadOnlyList<string> servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var cells = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (Match row in RequirementRow().Matches(markdown))
        {
            var columns = UnescapedBar().Split(row.Groups["rest"].Value).Select(c => Unescape(c.Trim())).ToList();
            // level, since, then one column per server.
            cells[Unescape(row.Groups["id"].Value)] = servers.Select((s, i) => (s, columns[2 + i])).ToDictionary(c => c.s, c => c.Item2, StringComparer.Ordinal);
        }

        return cells;
    }

    /// <summary>The counts row of <paramref name="version"/> ("all" for the total): server → its counts text.</summary>
    public static Dictionary<string, string> Counts(string markdown, string version, IReadOnlyList<string> servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var line = markdown.Split('\n').First(l => l.StartsWith($"| {version} | ", StringComparison.Ordinal));
        var columns = UnescapedBar().Split(line.Trim().Trim('|')).Select(c => c.Trim()).ToList();
        return servers.Select((s, i) => (s, columns[2 + i])).ToDictionary(c => c.s, c => c.Item2, StringComparer.Ordinal);
    }

    private static string Unescape(string text) => EscapedCharacter().Replace(text, "$1").Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex(@"^\| \[(?<id>[A-Z0-9\\_-]+)\]\([^)]*\)[^\n]*? \| (?<rest>(?:MUST|SHOULD|MAY) \|.*) \|$", RegexOptions.Multiline)]
    private static partial Regex RequirementRow();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedBar();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex EscapedCharacter();
}
