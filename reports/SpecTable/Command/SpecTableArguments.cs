namespace Conformance.SpecTable.Command;

/// <summary>What the command was asked to do, read from its command line.</summary>
/// <param name="Servers">The columns, in the order given.</param>
/// <param name="Output">Where the runs' results and the two tables go.</param>
/// <param name="Suite">The suite to run: its project folder or built assembly.</param>
public sealed record SpecTableArguments(IReadOnlyList<ServerSource> Servers, string Output, string Suite)
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        Conformance.SpecTable: runs the suite against several servers (or reads earlier runs) and writes one table per requirement.

          --server NAME=URL             run the suite against URL (a column named NAME); repeatable
          --results NAME=DIR            read an earlier run's Allure results (DIR, or DIR/allure-results); repeatable
          --set NAME:VARIABLE=VALUE     a suite setting for server NAME, by its environment variable
                                        (CONFORMANCE_REGISTRATION_TOKEN, CONFORMANCE_APPSERVICE_TOKEN,
                                        CONFORMANCE_KNOWN_FAILURES, CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX, …)
          --out DIR                     where runs and tables go (default reports/spec-table)
          --suite PATH                  the suite project or built Conformance.Suites.dll (default suites/Conformance.Suites)

        Writes DIR/spec-table.md and DIR/spec-table.html; each run's TRX and Allure results go to DIR/NAME/.
        """;

    /// <summary>Reads <paramref name="args"/>; the error says what is wrong when they do not make a table.</summary>
    public static (SpecTableArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args, string root)
    {
        ArgumentNullException.ThrowIfNull(args);
        var servers = new List<(string Name, Uri? Url, string? Folder)>();
        var settings = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var output = Path.Combine(root, "reports", "spec-table");
        var suite = Path.Combine(root, "suites", "Conformance.Suites");
        for (var i = 0; i < args.Count; i++)
        {
            if (i + 1 >= args.Count)
            {
                return (null, $"{args[i]} needs a value");
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--server" when Pair(value, '=') is ({ } name, { } url) && Uri.TryCreate(url, UriKind.Absolute, out var uri):
                    servers.Add((name, uri, null));
                    break;
                case "--results" when Pair(value, '=') is ({ } name, { } folder):
                    servers.Add((name, null, folder));
                    break;
                case "--set" when Pair(value, ':') is ({ } name, { } setting) && Pair(setting, '=') is ({ } variable, { } assigned):
                    (settings.TryGetValue(name, out var own) ? own : settings[name] = new(StringComparer.Ordinal))[variable] = assigned;
                    break;
                case "--out":
                    output = value;
                    break;
                case "--suite":
                    suite = value;
                    break;
                default:
                    return (null, $"not understood: {args[i - 1]} {value}");
            }
        }

        if (servers.Count == 0)
        {
            return (null, "no --server or --results given");
        }

        if (servers.FirstOrDefault(s => !s.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) is { Name: { } odd })
        {
            // The name is also a folder name.
            return (null, $"the name {odd} may hold only letters, digits, '-', '_' and '.'");
        }

        if (servers.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return (null, $"the name {twice.Key} is given twice");
        }

        if (settings.Keys.FirstOrDefault(n => !servers.Exists(s => s.Name == n && s.Url is not null)) is { } stray)
        {
            return (null, $"--set names {stray}, which is no --server");
        }

        return (new SpecTableArguments(
            [.. servers.Select(s => new ServerSource(s.Name, s.Url, s.Folder, settings.GetValueOrDefault(s.Name) ?? new Dictionary<string, string>()))],
            output, suite), null);
    }

    private static (string? Left, string? Right) Pair(string text, char separator) =>
        text.Split(separator, 2) is [{ Length: > 0 } left, { Length: > 0 } right] ? (left, right) : (null, null);
}
