namespace Conformance.SpecTable.Table;

/// <summary>What the table says about one column's run.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Source">The server's URL, or the results folder read.</param>
/// <param name="Said">The suite's closing line for a run made here, or null for results read from a folder.</param>
public sealed record ServerColumn(string Name, string Source, string? Said);
