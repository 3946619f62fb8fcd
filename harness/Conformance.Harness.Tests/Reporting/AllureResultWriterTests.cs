using System.Text.Json.Nodes;
using Conformance.Harness.Client;
using Conformance.Harness.Reporting;
using Conformance.Harness.Requirements;

namespace Conformance.Harness.Tests.Reporting;

/// <summary>The Allure results are complete, stable in identity, and hold the exchanges as attachments.</summary>
public sealed class AllureResultWriterTests
{
    private DirectoryInfo _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("allure-writer-");

    [TearDown]
    public void DeleteFolder() => _folder.Delete(recursive: true);

    [Test]
    public void A_failed_test_becomes_a_failed_result_labelled_with_its_requirement_and_linked_to_the_spec()
    {
        var result = WriteAndRead(Record(Verdict.Failed, "a taken name"));

        result["status"]!.GetValue<string>().Should().Be("failed");
        result["statusDetails"]!["message"]!.GetValue<string>().Should().Be("Expected M_USER_IN_USE");
        Label(result, "story").Should().Be("REG-IN-USE");
        Label(result, "feature").Should().Be(RequirementCatalogue.Get("REG-IN-USE").Area);
        Label(result, "severity").Should().Be("critical");
        Label(result, "framework").Should().Be("NUnit");
        result["links"]![0]!["url"]!.GetValue<string>().Should().Be(RequirementCatalogue.Get("REG-IN-USE").SpecLink.ToString());
    }

    [Test]
    public void Each_exchange_is_a_step_with_the_request_and_the_response_attached_as_JSON_files()
    {
        var result = WriteAndRead(Record(Verdict.Failed, "a taken name"));

        var step = result["steps"]![0]!;
        step["name"]!.GetValue<string>().Should().Be("POST http://127.0.0.1/_matrix/client/v3/register → HTTP 400");
        var sources = step["attachments"]!.AsArray().Select(a => a!["source"]!.GetValue<string>()).ToList();
        sources.Should().HaveCount(2).And.OnlyHaveUniqueItems();
        var response = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder.FullName, sources[1])))!;
        response["body"]!["errcode"]!.GetValue<string>().Should().Be("M_USER_IN_USE");
    }

    [Test]
    public void An_inconclusive_test_is_skipped_with_its_reason()
    {
        var result = WriteAndRead(Record(Verdict.Skipped, string.Empty) with { Message = "Guests are not offered" });

        result["status"]!.GetValue<string>().Should().Be("skipped");
        result["statusDetails"]!["message"]!.GetValue<string>().Should().Be("Guests are not offered");
    }

    [Test]
    public void Cases_of_one_method_share_a_test_case_id_but_not_a_history_id_and_a_rerun_keeps_both()
    {
        var first = WriteAndRead(Record(Verdict.Passed, "case one"));
        var second = WriteAndRead(Record(Verdict.Passed, "case two"));
        var rerun = WriteAndRead(Record(Verdict.Passed, "case one"));

        second["testCaseId"]!.GetValue<string>().Should().Be(first["testCaseId"]!.GetValue<string>());
        second["historyId"]!.GetValue<string>().Should().NotBe(first["historyId"]!.GetValue<string>());
        rerun["historyId"]!.GetValue<string>().Should().Be(first["historyId"]!.GetValue<string>());
        rerun["fullName"]!.GetValue<string>().Should().Be("Conformance.Suites:Conformance.Suites.Registration.UserRegistrationTests.Registering_a_taken_username_is_refused_with_M_USER_IN_USE");
    }

    [Test]
    public void The_result_is_titled_with_a_sentence_and_keeps_the_method_in_its_full_name_and_identity()
    {
        var result = WriteAndRead(Record(Verdict.Passed, "a taken name"));

        result["name"]!.GetValue<string>().Should().Be("Registering a taken username is refused with M_USER_IN_USE (a taken name)");
        result["fullName"]!.GetValue<string>().Should().Be("Conformance.Suites:Conformance.Suites.Registration.UserRegistrationTests.Registering_a_taken_username_is_refused_with_M_USER_IN_USE");
        Label(result, "testMethod").Should().Be("Registering_a_taken_username_is_refused_with_M_USER_IN_USE");
        // Pinned: what the writer gave before titles were sentences, so the history of every test carries on.
        result["testCaseId"]!.GetValue<string>().Should().Be("fb829b0cf22e63b71f7bc5063a416a1d");
        result["historyId"]!.GetValue<string>().Should().Be("9133750e7b3b0aaa1253e4ede50ca2df");
    }

    [Test]
    public void The_categories_put_the_known_failures_groups_first_then_server_errors_and_inconclusive_tests_under_not_applicable()
    {
        var names = AllureRunFiles.Categories().Select(c => c!["name"]!.GetValue<string>()).ToList();

        names.Should().Equal(
            "Known failure (listed)", "Fixed known failure: remove it from the list", "Server error (5xx)", "Transport / timeout",
            "Spec violation (MUST)", "Spec deviation (SHOULD)", "Not applicable");
    }

    [TestCase("Known failure (listed in list.txt line 2: REG-IN-USE); not counted against the run.\nExpected HTTP 500 (MUST)", "Known failure (listed)")]
    [TestCase("Fixed known failure: this test passed but is listed in list.txt line 3: X.", "Fixed known failure: remove it from the list")]
    [TestCase("Expected HTTP 400\nRequirement REG-IN-USE (MUST): ...", "Spec violation (MUST)")]
    public void A_failure_message_lands_in_its_category(string message, string category)
    {
        var first = AllureRunFiles.Categories().First(c => System.Text.RegularExpressions.Regex.IsMatch(
            message.Replace("\\n", "\n", StringComparison.Ordinal), "^(?:" + c!["messageRegex"]!.GetValue<string>() + ")$"));

        first!["name"]!.GetValue<string>().Should().Be(category);
    }

    private JsonNode WriteAndRead(TestRecord record)
    {
        var before = _folder.GetFiles("*-result.json").Select(f => f.Name).ToHashSet();
        new AllureResultWriter(_folder.FullName).Write(record);
        var written = _folder.GetFiles("*-result.json").Single(f => !before.Contains(f.Name));
        return JsonNode.Parse(File.ReadAllText(written.FullName))!;
    }

    private static string? Label(JsonNode result, string name) =>
        result["labels"]!.AsArray().FirstOrDefault(l => l!["name"]!.GetValue<string>() == name)?["value"]!.GetValue<string>();

    private static TestRecord Record(Verdict verdict, string arguments)
    {
        var at = DateTimeOffset.UtcNow;
        var exchange = new Exchange(
            new RecordedMessage("POST http://127.0.0.1/_matrix/client/v3/register", new Dictionary<string, string>(), """{"username":"alice","password":"<redacted>"}"""),
            new RecordedMessage("HTTP 400", new Dictionary<string, string> { ["Content-Type"] = "application/json" }, """{"errcode":"M_USER_IN_USE","error":"taken"}"""),
            at, TimeSpan.FromMilliseconds(3), null);
        return new TestRecord(
            "Conformance.Suites.Registration.UserRegistrationTests", "Registering_a_taken_username_is_refused_with_M_USER_IN_USE",
            $"Registering_a_taken_username_is_refused_with_M_USER_IN_USE({arguments})", arguments, verdict,
            verdict == Verdict.Failed ? "Expected M_USER_IN_USE" : null, null, RequirementCatalogue.Get("REG-IN-USE"), at, at.AddMilliseconds(5), [exchange]);
    }
}
