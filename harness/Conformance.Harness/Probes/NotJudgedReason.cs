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
    private const string OtherKind = "other";

    /// <summary>
    /// Words of a group and the kind they give, first match wins: a 429 that never came before rate limits, a rule for
    /// servers without a feature before a feature that is off.
    /// </summary>
    private static readonly (string Words, string Kind)[] Kinds =
    [
        ("without a 429", "no 429 seen"),
        ("no request with 429", "no 429 seen"),
        ("rate limit", "rate-limited"),
        ("rate-limit", "rate-limited"),
        ("binds only servers without", "feature on"),
        ("UIA flow", "no usable UIA flow"),
        ("not offered", "feature off"),
        ("is closed", "feature off"),
        ("no legacy login", "feature off"),
        ("setting", "setting missing"),
        ("spec version", "older spec"),
        ("choice", "server's choice"),
        ("lifetime", "token lifetime"),
        ("needed was refused", "step refused"),
    ];

    /// <summary>The Inconclusive message: "Not judged: GROUP.", the details, then "To judge it: REMEDY".</summary>
    public string Message(string details) =>
        $"{Opening}{Group}.\n{(string.IsNullOrWhiteSpace(details) ? string.Empty : details.TrimEnd() + "\n")}{RemedyOpening}{Remedy}";

    /// <summary>
    /// The cause in a few words, for a count on one line: "feature off", "feature on", "rate-limited", "setting
    /// missing", "older spec", "server's choice", ..., or "other" when <see cref="Group"/> names none of them.
    /// </summary>
    /// <remarks>
    /// Derived from the words of <see cref="Group"/>, not given: the reports read reasons back from Inconclusive
    /// messages (<see cref="Of"/>), which carry the group, so a kind given apart from it would be lost on the way.
    /// </remarks>
    public string Kind
    {
        get
        {
            foreach (var (words, kind) in Kinds)
            {
                if (Group.Contains(words, StringComparison.OrdinalIgnoreCase))
                {
                    return kind;
                }
            }

            return OtherKind;
        }
    }

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
