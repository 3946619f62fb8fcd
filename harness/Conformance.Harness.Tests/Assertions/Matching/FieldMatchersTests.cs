using System.Text.Json.Nodes;
using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;
using static Conformance.Harness.Assertions.Matching.ResponseMatchers;

namespace Conformance.Harness.Tests.Assertions.Matching;

/// <summary>Each field check on its own: what passes, and the words of what fails.</summary>
public sealed class FieldMatchersTests
{
    private const string Body = """{"user_id":"@a:hs1","access_token":"syt_secret","empty":"","n":5,"f":1.5,"yes":true,"no":false,"nothing":null,"list":["a","b"],"mixed":["a",1],"none":[]}""";
    private static readonly MatrixResponse Answer = Responses.Json(200, Body);

    [TestCase("user_id", null)]
    [TestCase("missing", "it is absent")]
    [TestCase("nothing", null)]
    public void IsPresent(string name, string? found) => Check(Field(name).IsPresent(), $"a \"{name}\" field", found);

    [TestCase("missing", null)]
    [TestCase("nothing", "\"nothing\" is null")]
    [TestCase("n", "\"n\" is 5")]
    public void IsAbsent(string name, string? found) => Check(Field(name).IsAbsent(), $"no \"{name}\" field", found);

    [TestCase("user_id", null)]
    [TestCase("empty", null)]
    [TestCase("n", "\"n\" is 5")]
    [TestCase("missing", "\"missing\" is absent")]
    public void IsString(string name, string? found) => Check(Field(name).IsString(), $"a string \"{name}\"", found);

    [TestCase("user_id", null)]
    [TestCase("empty", "\"empty\" is \"\"")]
    [TestCase("nothing", "\"nothing\" is null")]
    public void IsNonEmptyString(string name, string? found) => Check(Field(name).IsNonEmptyString(), $"a non-empty string \"{name}\"", found);

    [Test]
    public void Is_a_string_says_what_it_got()
    {
        Check(Field("user_id").Is("@a:hs1"), "\"user_id\" to be \"@a:hs1\"", null);
        Check(Field("user_id").Is("@b:hs1"), "\"user_id\" to be \"@b:hs1\"", "it is \"@a:hs1\"");
        Check(Field("n").Is("5"), "\"n\" to be \"5\"", "\"n\" is 5");
    }

    [Test]
    public void IsNot_a_string_passes_on_any_other_value_or_none()
    {
        Check(Field("user_id").IsNot("@a:hs1"), "\"user_id\" not to be \"@a:hs1\"", "it is");
        Check(Field("user_id").IsNot("@b:hs1"), "\"user_id\" not to be \"@b:hs1\"", null);
        Check(Field("missing").IsNot("x"), "\"missing\" not to be \"x\"", null);
    }

    [Test]
    public void IsStringWhere_asks_its_predicate()
    {
        Check(Field("user_id").IsStringWhere("a user ID", id => id.StartsWith('@')), "a user ID", null);
        Check(Field("user_id").IsStringWhere("a room ID", id => id.StartsWith('!')), "a room ID", "\"user_id\" is \"@a:hs1\"");
    }

    [TestCase("yes", true, null)]
    [TestCase("no", false, null)]
    [TestCase("no", true, "\"no\" is false")]
    [TestCase("missing", false, "\"missing\" is absent")]
    public void Is_a_boolean(string name, bool expected, string? found) =>
        Check(Field(name).Is(expected), $"\"{name}\" to be {(expected ? "true" : "false")}", found);

    [TestCase("no", null)]
    [TestCase("missing", null)]
    [TestCase("nothing", null)]
    [TestCase("yes", "\"yes\" is true")]
    [TestCase("n", "\"n\" is 5")]
    public void IsAbsentOrFalse(string name, string? found) => Check(Field(name).IsAbsentOrFalse(), $"\"{name}\" to be absent or false", found);

    [TestCase("n", null)]
    [TestCase("f", "\"f\" is 1.5")]
    [TestCase("user_id", "\"user_id\" is \"@a:hs1\"")]
    public void IsInteger(string name, string? found) => Check(Field(name).IsInteger(), $"\"{name}\" to be an integer", found);

    [TestCase("missing", null)]
    [TestCase("n", null)]
    [TestCase("f", "\"f\" is 1.5")]
    public void IfPresent_checks_only_a_field_that_is_there(string name, string? found) =>
        Check(Field(name).IfPresent(field => field.IsInteger()), $"\"{name}\" to be an integer when present", found);

    [Test]
    public void Array_shapes()
    {
        Check(Field("none").IsArray(), "a \"none\" array", null);
        Check(Field("n").IsArray(), "a \"n\" array", "\"n\" is 5");
        Check(Field("none").IsNonEmptyArray(), "a non-empty \"none\" array", "\"none\" is []");
        Check(Field("list").IsArrayOfStrings(), "a \"list\" array of strings", null);
        Check(Field("mixed").IsArrayOfStrings(), "a \"mixed\" array of strings", "\"mixed\" is [\"a\",1]");
    }

    [Test]
    public void Every_shows_the_first_entry_that_fails()
    {
        var answer = Responses.Json(401, """{"flows":[{"stages":["a"]},{"type":"b"},null]}""");
        var everyFlow = Field("flows").Every("flow", JsonMatchers.Field("stages").IsArrayOfStrings());

        everyFlow.Match(answer).Should().Be(new Mismatch("every flow to have a \"stages\" array of strings", "one flow is {\"type\":\"b\"}"));
        everyFlow.Match(Responses.Json(401, """{"flows":[{"stages":[]},null]}""")).Should().Be(new Mismatch(everyFlow.Expectation, "one flow is null"));
        everyFlow.Match(Responses.Json(401, """{"flows":[]}""")).Should().BeNull();
    }

    [Test]
    public void A_field_of_a_JSON_value_is_checked_the_same_way()
    {
        JsonMatchers.Field("type").IsString().Match(JsonNode.Parse("""{"type":"m.login.password"}""")).Should().BeNull();
        JsonMatchers.Field("type").IsString().Match(JsonNode.Parse("[1]")).Should().Be(new Mismatch("a string \"type\"", "\"type\" is absent"));
        JsonMatchers.Field("type").IsString().Match(null).Should().NotBeNull();
    }

    [Test]
    public void A_secret_field_s_string_is_never_shown()
    {
        Field("access_token").IsAbsent().Match(Answer)!.Actual.Should().Be("\"access_token\" is \"<redacted>\" (a string)");
        var wrong = Field("access_token").Is("syt_expected").Match(Answer)!;
        (wrong.Expected + wrong.Actual).Should().NotContain("syt_").And.Contain("<redacted>");
    }

    [Test]
    public void An_unreadable_body_is_no_evidence_that_a_field_is_absent()
    {
        var unreadable = Responses.Unreadable(200, "the body is not valid UTF-8");

        Field("x").IsAbsent().Match(unreadable).Should().Be(new Mismatch("no \"x\" field", "the body cannot be read"));
        Field("x").IsAbsentOrFalse().Match(unreadable)!.Actual.Should().Be("the body cannot be read");
        Field("x").IsNot("y").Match(unreadable)!.Actual.Should().Be("the body cannot be read");
        Field("x").IsString().Match(unreadable)!.Actual.Should().Be("\"x\" is absent");
    }

    private static void Check(Matcher<MatrixResponse> matcher, string expectation, string? found)
    {
        matcher.Expectation.Should().Be(expectation);
        matcher.Match(Answer).Should().Be(found is null ? null : new Mismatch(expectation, found));
    }
}
