using System.Globalization;
using System.Xml.Linq;
using Conformance.Harness.KnownFailures;

namespace Conformance.Harness.Reporting;

/// <summary>
/// The run as JUnit-style XML, the format most CI systems show natively: one <c>testsuite</c> per area, one
/// <c>testcase</c> per test with its requirement as properties. What fails the run is a <c>failure</c> or
/// <c>error</c>; Inconclusive tests and known failures are <c>skipped</c> with their reason.
/// </summary>
public static class JUnitReport
{
    /// <summary>The XML document for <paramref name="records"/>.</summary>
    public static XDocument Of(IReadOnlyCollection<TestRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var suites = records
            .GroupBy(r => r.Requirement?.Area ?? r.ShortClassName)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(area => Counted(new XElement("testsuite", new XAttribute("name", area.Key)), [.. area], area.Select(Case)))
            .ToList();
        return new XDocument(Counted(new XElement("testsuites", new XAttribute("name", "Matrix registration conformance")), records, suites));
    }

    private static XElement Counted(XElement element, IReadOnlyCollection<TestRecord> records, IEnumerable<XElement> children)
    {
        var seconds = records.Sum(r => (r.Stop - r.Start).TotalSeconds);
        element.Add(
            new XAttribute("tests", records.Count),
            new XAttribute("failures", records.Count(r => Outcome(r) == "failure")),
            new XAttribute("errors", records.Count(r => Outcome(r) == "error")),
            new XAttribute("skipped", records.Count(r => Outcome(r) == "skipped")),
            new XAttribute("time", seconds.ToString("0.000", CultureInfo.InvariantCulture)),
            children);
        return element;
    }

    private static XElement Case(TestRecord record)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", record.ClassName),
            new XAttribute("name", record.Name),
            new XAttribute("time", (record.Stop - record.Start).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)));
        if (record.Requirement is { } requirement)
        {
            element.Add(new XElement("properties",
                Property("requirement", requirement.Id),
                Property("level", requirement.LevelName),
                Property("area", requirement.Area),
                Property("spec", requirement.SpecLink.ToString())));
        }

        if (Outcome(record) is { } outcome)
        {
            var message = record.Message ?? string.Empty;
            element.Add(new XElement(outcome,
                new XAttribute("message", message.Split('\n', 2)[0]),
                new XAttribute("type", record.Known == KnownFailureOutcome.None ? record.Requirement?.LevelName ?? "error" : record.Known.ToString()),
                message));
        }

        return element;
    }

    /// <summary>The JUnit element for how the test ended, or null when it passed.</summary>
    private static string? Outcome(TestRecord record) => record switch
    {
        { Known: KnownFailureOutcome.Expected } or { Verdict: Verdict.Skipped } => "skipped",
        { Verdict: Verdict.Failed } => "failure",
        { Verdict: Verdict.Broken } => "error",
        _ => null,
    };

    private static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));
}
