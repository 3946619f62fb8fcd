using NUnit.Framework;

namespace Conformance.Harness.Probes;

/// <summary>
/// Why a test reached no verdict, in a form the reports can group: the cause shared by every test it stopped
/// (<see cref="Group"/>) and what would let the suite judge them (<see cref="Remedy"/>). The details of one test (the
/// exchange that showed it) follow in the message.
/// </summary>
/// <param name="Group">The shared cause, one short sentence without a final period: "Password login is not offered".</param>
/// <param name="Remedy">What the maintainer can change so the suite judges these tests.</param>
public sealed record NotJudgedReason(string Group, string Remedy)
{
    private const string Opening = "Not judged: ";
    private const string RemedyOpening = "To judge it: ";

    /// <summary>The Inconclusive message: "Not judged: GROUP.", the details, then "To judge it: REMEDY".</summary>
    public string Message(string details) =>
        $"{Opening}{Group}.\n{(string.IsNullOrWhiteSpace(details) ? string.Empty : details.TrimEnd() + "\n")}{RemedyOpening}{Remedy}";

    /// <summary>Ends the running test as Inconclusive for this reason.</summary>
    /// <exception cref="InconclusiveException">Always.</exception>
    public InconclusiveException Exception(string details) => new(Message(details));

    /// <summary>
    /// The reason a message written by <see cref="Message"/> carries; for any other text, its first line as the group
    /// and no remedy, so no Inconclusive goes ungrouped.
    /// </summary>
    public static NotJudgedReason Of(string? message)
    {
        var lines = (message ?? string.Empty).Split('\n');
        var first = lines[0].Trim();
        var remedy = lines.Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(RemedyOpening, StringComparison.Ordinal));
        return first.StartsWith(Opening, StringComparison.Ordinal)
            ? new NotJudgedReason(first[Opening.Length..].TrimEnd('.'), remedy?[RemedyOpening.Length..] ?? string.Empty)
            : new NotJudgedReason(first.Length == 0 ? "No reason given" : first, remedy?[RemedyOpening.Length..] ?? string.Empty);
    }
}
