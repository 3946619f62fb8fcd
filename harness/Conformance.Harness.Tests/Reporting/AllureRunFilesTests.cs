using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Harness.Client;
using Conformance.Harness.Probes;
using Conformance.Harness.Reporting;
using Conformance.Harness.Requirements;

namespace Conformance.Harness.Tests.Reporting;

/// <summary>The run-level files put the judged figures at the top of the report's overview and a category per not-judged reason.</summary>
public sealed class AllureRunFilesTests
{
    private static readonly RunFacts Facts = new("http://127.0.0.1:8008/", "Kestrel", ["v1.19"], Seed: 7);
    private DirectoryInfo _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("allure-run-files-");

    [TearDown]
    public void DeleteFolder() => _folder.Delete(recursive: true);

    private static IReadOnlyList<TestRecord> Records { get; } =
    [
        Record(Verdict.Passed, null),
        Record(Verdict.Failed, "Expected M_USER_IN_USE\nRequirement REG-IN-USE (MUST): ..."),
        .. Enumerable.Repeat(Record(Verdict.Skipped, new NotJudgedReason("Password login is not offered", "offer it").Message("GET /login: m.login.token")), 4),
        Record(Verdict.Skipped, "  Guests are not offered (HTTP 403) \nPOST /register?kind=guest"),
        Record(Verdict.Skipped, "Guests are not offered (HTTP 403)"),
        Record(Verdict.Skipped, "REFRESH-OK is a rule of spec v1.3; the server advertises only r0.6.1."),
        Record(Verdict.Skipped, "Rate limited [429] on login.* $1 {2}|x"),
        Record(Verdict.Skipped, null),
    ];

    [Test]
    public void The_metadata_opens_with_the_judged_figures_then_the_largest_not_judged_groups()
    {
        AllureRunFiles.Write(_folder.FullName, Facts, Records);

        var lines = File.ReadAllLines(Path.Combine(_folder.FullName, "environment.properties"));
        lines.Take(6).Should().Equal(
            "Judged=2 of 11 tests: 1 passed, 1 failed (1 MUST); 9 not judged",
            "NotJudged.1=4 tests: Password login is not offered",
            "NotJudged.2=2 tests: Guests are not offered (HTTP 403)",
            "NotJudged.3=1 test: No reason given",
            "NotJudged.more=2 more reasons, 2 tests: each is a category",
            "Server.URL=http://127.0.0.1:8008/");
    }

    [Test]
    public void Every_not_judged_test_lands_in_the_category_of_its_group_in_both_renderers_readings()
    {
        var groups = NotJudgedGroup.Of(Records.Where(r => r.Verdict == Verdict.Skipped));
        var skippedCategories = AllureRunFiles.Categories(groups)
            .Where(c => c!["matchedStatuses"]!.AsArray().Any(s => s!.GetValue<string>() == "skipped"))
            .Select(c => (Name: c!["name"]!.GetValue<string>(), Pattern: c["messageRegex"]!.GetValue<string>()))
            .ToList();

        foreach (var group in groups)
        {
            foreach (var test in group.Tests)
            {
                var message = test.Message ?? string.Empty;
                // Allure 3 searches the message (RegExp.test), Allure 2 matches all of it (String.matches).
                skippedCategories.First(c => Regex.IsMatch(message, c.Pattern)).Name.Should().Be("Not judged: " + group.Reason, message);
                skippedCategories.First(c => Regex.IsMatch(message, $"^(?:{c.Pattern})$")).Name.Should().Be("Not judged: " + group.Reason, message);
            }
        }

        skippedCategories.Select(c => c.Name).Should().Equal(
            "Not judged: Password login is not offered", "Not judged: Guests are not offered (HTTP 403)", "Not judged: No reason given",
            "Not judged: REFRESH-OK is a rule of spec v1.3; the server advertises only r0.6.1.", "Not judged: Rate limited [429] on login.* $1 {2}|x",
            "Not applicable");
    }

    [Test]
    public void A_groups_category_takes_no_message_that_only_starts_like_its_reason()
    {
        var groups = NotJudgedGroup.Of([Record(Verdict.Skipped, "Guests are not offered")]);
        var pattern = AllureRunFiles.Categories(groups).Single(c => c!["name"]!.GetValue<string>() == "Not judged: Guests are not offered")!["messageRegex"]!.GetValue<string>();

        Regex.IsMatch("Guests are not offered here either", pattern).Should().BeFalse();
        Regex.IsMatch("Not judged: Guests are not offered.", pattern).Should().BeFalse();
        Regex.IsMatch("Guests are not offered\nPOST /register?kind=guest answered 403", pattern).Should().BeTrue();
    }

    [Test]
    public void The_categories_file_holds_the_groups_the_run_found()
    {
        AllureRunFiles.Write(_folder.FullName, Facts, Records);

        var names = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder.FullName, "categories.json")))!.AsArray().Select(c => c!["name"]!.GetValue<string>());
        names.Should().Contain("Not judged: Password login is not offered").And.EndWith("Not applicable");
    }

    private static TestRecord Record(Verdict verdict, string? message) => new(
        "Conformance.Suites.Login.LoginTests", "A_test", "A_test", string.Empty, verdict, message, null, RequirementCatalogue.Get("LOGIN-PASSWORD"),
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1), Array.Empty<Exchange>());
}
