namespace Conformance.SpecTable.Command;

/// <summary>One column of the table: a server to run the suite against, or the results folder of an earlier run.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Url">The server's client-server API base, when the suite is to be run against it.</param>
/// <param name="ResultsFolder">An earlier run's Allure results folder (or the folder holding it), when given one.</param>
/// <param name="Environment">The suite's settings for this server, by their environment variable names (<c>CONFORMANCE_REGISTRATION_TOKEN</c>, …).</param>
public sealed record ServerSource(string Name, Uri? Url, string? ResultsFolder, IReadOnlyDictionary<string, string> Environment);
