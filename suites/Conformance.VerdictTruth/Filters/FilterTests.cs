using System.Xml.Linq;
using Conformance.Harness.Requirements;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.Filters;

/// <summary>
/// Plain <c>dotnet test --filter</c> selects tests by requirement id, level, area and spec version, through the
/// properties and categories <c>[Requirement]</c> puts on every test; no fork of the suite needed.
/// </summary>
public sealed class FilterTests
{
    private const string Filter =
        "Requirement=REG-IN-USE|(Level=SHOULD&Area=RefreshTokens)|(TestCategory=SHOULD&TestCategory=Usernames)|(SpecVersion=v1.7&Area=LoginTokens)";

    [Test]
    public async Task Dotnet_test_filter_selects_by_requirement_level_area_and_spec_version()
    {
        var run = await SuiteProcess.RunAsync(null, TimeSpan.FromMinutes(5), filter: Filter);

        var ran = run.JUnit.Descendants("testcase").Select(Selection.Of).ToList();

        ran.Should().NotBeEmpty().And.OnlyContain(t => t.IsSelected, "only tests the filter names run: {0}", Filter);
        ran.Should().Contain(t => t.Id == "REG-IN-USE", "by requirement id");
        ran.Should().Contain(t => t.Level == "SHOULD" && t.Area == "RefreshTokens", "by level and area (a SHOULD part of a MUST rule)");
        ran.Should().Contain(t => t.Level == "SHOULD" && t.Area == "Usernames", "by the level and area categories");
        ran.Should().Contain(t => t.SpecVersion == "v1.7", "by spec version");
        ran.Should().HaveCount(run.Outcomes.Count, "the JUnit XML and the TRX list the same tests");
    }

    /// <summary>A test the run made, as its JUnit properties describe it.</summary>
    private sealed record Selection(string Id, string Level, string Area, string SpecVersion)
    {
        public bool IsSelected =>
            Id == "REG-IN-USE" || (Level == "SHOULD" && Area is "RefreshTokens" or "Usernames") || (SpecVersion == "v1.7" && Area == "LoginTokens");

        public static Selection Of(XElement testCase)
        {
            string Property(string name) =>
                (string)testCase.Descendants("property").Single(p => (string?)p.Attribute("name") == name).Attribute("value")!;
            var id = Property("requirement");
            return new Selection(id, Property("level"), Property("area"), RequirementCatalogue.Get(id).Since ?? "v1.1");
        }
    }
}
