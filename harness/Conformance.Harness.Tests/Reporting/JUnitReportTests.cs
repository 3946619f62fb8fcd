using Conformance.Harness.Client;
using Conformance.Harness.KnownFailures;
using Conformance.Harness.Reporting;
using Conformance.Harness.Requirements;

namespace Conformance.Harness.Tests.Reporting;

/// <summary>The JUnit XML counts what fails the run as failures and errors, and skips the rest with the reason.</summary>
public sealed class JUnitReportTests
{
    private static TestRecord Record(string name, Verdict verdict, KnownFailureOutcome known = KnownFailureOutcome.None) => new(
        "Conformance.Suites.Registration.UserRegistrationTests", name, name, string.Empty, verdict, verdict == Verdict.Passed ? null : $"{name} said why\nmore",
        null, RequirementCatalogue.Get("REG-IN-USE"), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1), Array.Empty<Exchange>(), known);

    [Test]
    public void Each_outcome_becomes_its_JUnit_element_and_the_totals_agree()
    {
        var xml = JUnitReport.Of(
        [
            Record("passed", Verdict.Passed),
            Record("failed", Verdict.Failed),
            Record("broken", Verdict.Broken),
            Record("inconclusive", Verdict.Skipped),
            Record("known", Verdict.Failed, KnownFailureOutcome.Expected),
            Record("outgrown", Verdict.Failed, KnownFailureOutcome.Fixed),
        ]);

        var cases = xml.Descendants("testcase").ToDictionary(c => (string)c.Attribute("name")!, c => c.Elements().Last());
        cases["passed"].Name.LocalName.Should().Be("properties");
        cases["failed"].Name.LocalName.Should().Be("failure");
        cases["failed"].Attribute("message")!.Value.Should().Be("failed said why");
        cases["broken"].Name.LocalName.Should().Be("error");
        cases["inconclusive"].Name.LocalName.Should().Be("skipped");
        cases["known"].Name.LocalName.Should().Be("skipped");
        cases["outgrown"].Name.LocalName.Should().Be("failure");
        var root = xml.Root!;
        ((int)root.Attribute("tests")!, (int)root.Attribute("failures")!, (int)root.Attribute("errors")!, (int)root.Attribute("skipped")!)
            .Should().Be((6, 2, 1, 2));
        xml.Descendants("testsuite").Single().Attribute("name")!.Value.Should().Be(RequirementCatalogue.Get("REG-IN-USE").Area);
    }
}
