using Conformance.Harness.Requirements;
using Conformance.SpecTable.Results;

namespace Conformance.SpecTable.Table;

/// <summary>The grid: a row per requirement of the catalogue (in its order, grouped by area), a column per server.</summary>
public sealed class SpecTableData
{
    private readonly Dictionary<(string Requirement, string Server), Cell> _cells = [];

    private SpecTableData(IReadOnlyList<string> servers, IReadOnlyList<Requirement> requirements)
    {
        Servers = servers;
        Requirements = requirements;
    }

    /// <summary>The columns, in the order given.</summary>
    public IReadOnlyList<string> Servers { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>The rows by area, areas in the order of their first requirement.</summary>
    public IEnumerable<IGrouping<string, Requirement>> Areas => Requirements.GroupBy(r => r.Area);

    /// <summary>The spec versions that introduced requirements, oldest first; <see cref="VersionOf"/> names each row's.</summary>
    public IReadOnlyList<string> Versions =>
        [.. Requirements.Select(VersionOf).Distinct().OrderBy(v => v == BeforeV11 ? 0 : 1).ThenBy(v => Version.TryParse(v.TrimStart('v', 'r'), out var n) ? n : new Version())];

    /// <summary>The label of requirements older than v1.1 (the catalogue leaves their version out).</summary>
    public const string BeforeV11 = "r0 (before v1.1)";

    /// <summary>The table of <paramref name="runs"/> (server name to its tests' verdicts) over <paramref name="requirements"/>.</summary>
    public static SpecTableData Of(IReadOnlyList<(string Server, IReadOnlyList<TestOutcome> Tests)> runs, IReadOnlyList<Requirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var table = new SpecTableData([.. runs.Select(r => r.Server)], requirements);
        foreach (var (server, tests) in runs)
        {
            var byRequirement = tests.ToLookup(t => t.Requirement, StringComparer.Ordinal);
            foreach (var requirement in requirements)
            {
                table._cells[(requirement.Id, server)] = Cell.Of([.. byRequirement[requirement.Id]]);
            }
        }

        return table;
    }

    /// <summary>The verdict of <paramref name="server"/> on <paramref name="requirement"/>.</summary>
    public Cell this[Requirement requirement, string server] => _cells[(requirement.Id, server)];

    /// <summary>The spec version that introduced <paramref name="requirement"/>.</summary>
    public static string VersionOf(Requirement requirement) => requirement?.Since ?? BeforeV11;

    /// <summary>How many requirements of <paramref name="version"/> (all, when null) got each kind of cell from <paramref name="server"/>.</summary>
    public IReadOnlyDictionary<CellKind, int> Counts(string server, string? version) =>
        Requirements.Where(r => version is null || VersionOf(r) == version)
            .GroupBy(r => this[r, server].Kind)
            .ToDictionary(g => g.Key, g => g.Count());
}
