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

    /// <summary>The cause in a few words, for the closing line's counts; each of <see cref="NotJudgedReasons"/> gives its own.</summary>
    public NotJudgedKind Kind { get; init; } = NotJudgedKind.Other;

    /// <summary>The Inconclusive message: "Not judged: GROUP.", the details, then "To judge it: REMEDY".</summary>
    public string Message(string details) =>
        $"{Opening}{Group}.\n{(string.IsNullOrWhiteSpace(details) ? string.Empty : details.TrimEnd() + "\n")}{RemedyOpening}{Remedy}";

    /// <summary>Ends the running test as Inconclusive for this reason.</summary>
    /// <exception cref="InconclusiveException">Always.</exception>
    public InconclusiveException Exception(string details) => new(Message(details));

    /// <summary>
    /// The reason a message written by <see cref="Message"/> carries, with the kind of the shared reason of that group
    /// (<see cref="NotJudgedReasons.KindOf"/>); for any other text, its first line as the group, no remedy and the kind
    /// <see cref="NotJudgedKind.Other"/>, so no Inconclusive goes ungrouped.
    /// </summary>
    /// <remarks>The reports read reasons back from Inconclusive messages, which is all of a result that crosses NUnit.</remarks>
    public static NotJudgedReason Of(string? message)
    {
        var lines = (message ?? string.Empty).Split('\n');
        var first = lines[0].Trim();
        var remedy = lines.Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(RemedyOpening, StringComparison.Ordinal))?[RemedyOpening.Length..] ?? string.Empty;
        if (!first.StartsWith(Opening, StringComparison.Ordinal))
        {
            return new NotJudgedReason(first.Length == 0 ? "No reason given" : first, remedy);
        }

        var group = first[Opening.Length..].TrimEnd('.');
        return new NotJudgedReason(group, remedy) { Kind = NotJudgedReasons.KindOf(group) };
    }
}
