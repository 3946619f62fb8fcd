namespace Conformance.SpecTable.Results;

/// <summary>One test's verdict, as the suite's Allure result recorded it.</summary>
/// <param name="Requirement">The requirement id it checks (its <c>story</c> label).</param>
/// <param name="Name">The test's full name.</param>
/// <param name="Status">Allure's status: passed, failed, broken or skipped.</param>
/// <param name="Known">Whether it is a failure the run's known-failures list names.</param>
/// <param name="Message">The failure or not-judged message, or null.</param>
public sealed record TestOutcome(string Requirement, string Name, string Status, bool Known, string? Message)
{
    private const string NotJudged = "Not judged: ";

    /// <summary>Whether the server failed it (a failed assertion or a broken test) and the run counts it (it is not a listed known failure).</summary>
    public bool Failed => !Known && Status is "failed" or "broken";

    /// <summary>The message's first line that says something: for a known failure, the failure under the "Known failure" line.</summary>
    public string Reason
    {
        get
        {
            var lines = (Message ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            var line = (Known && lines.Count > 1 ? lines[1] : lines.FirstOrDefault()) ?? "(no message)";
            // The cell already says "not judged".
            line = line.StartsWith(NotJudged, StringComparison.Ordinal) ? line[NotJudged.Length..] : line;
            return line.Length > 200 ? string.Concat(line.AsSpan(0, 199), "…") : line;
        }
    }
}
