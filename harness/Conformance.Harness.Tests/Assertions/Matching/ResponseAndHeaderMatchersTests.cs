using Conformance.Harness.Assertions.Matching;
using static Conformance.Harness.Assertions.Matching.ResponseMatchers;

namespace Conformance.Harness.Tests.Assertions.Matching;

/// <summary>Checks of a response as a whole and of its headers.</summary>
public sealed class ResponseAndHeaderMatchersTests
{
    [Test]
    public void Status_checks_say_what_was_got()
    {
        var answer = Responses.Json(400, """{"errcode":"M_UNKNOWN","error":"x"}""");

        Status(400).Match(answer).Should().BeNull();
        Status(200).Match(answer).Should().Be(new Mismatch("HTTP 200", "got HTTP 400 with errcode M_UNKNOWN"));
        Success().Match(answer).Should().Be(new Mismatch("a 2xx status", "got HTTP 400 with errcode M_UNKNOWN"));
        ClientError().Match(answer).Should().BeNull();
        ClientError().Match(Responses.Json(500, "{}")).Should().NotBeNull();
    }

    [TestCase("{}", null)]
    [TestCase("true", "the body is not a JSON object")]
    [TestCase("[]", "the body is not a JSON object")]
    [TestCase("", "the body is not a JSON object")]
    public void JsonObjectBody(string body, string? found) =>
        ResponseMatchers.JsonObjectBody().Match(Responses.Json(200, body)).Should().Be(found is null ? null : new Mismatch("a JSON object body", found));

    [Test]
    public void ReadableBody() =>
        ResponseMatchers.ReadableBody().Match(Responses.Unreadable(200, "the body is not valid UTF-8")).Should().Be(new Mismatch("a body that can be read", "the body cannot be read"));

    [TestCase("application/json", null)]
    [TestCase("Application/JSON; charset=utf-8", null)]
    [TestCase("text/plain", "it is \"text/plain\"")]
    public void HasMediaType_ignores_parameters_and_case(string contentType, string? found) =>
        Header("Content-Type").HasMediaType("application/json").Match(Responses.WithHeaders(("Content-Type", contentType)))
            .Should().Be(found is null ? null : new Mismatch("Content-Type application/json", found));

    [Test]
    public void An_absent_header_is_named()
    {
        Header("Retry-After").Where("a Retry-After header", _ => true).Match(Responses.WithHeaders())
            .Should().Be(new Mismatch("a Retry-After header", "there is no Retry-After header"));
    }

    [TestCase("Access-Control-Allow-Methods", "*", null)]
    [TestCase("Access-Control-Allow-Methods", "get, post", null)]
    [TestCase("Access-Control-Allow-Methods", "GET", "it is \"GET\"")]
    [TestCase("Access-Control-Allow-Headers", "*", "it is \"*\"")]
    [TestCase("Access-Control-Allow-Headers", "*, authorization", null)]
    public void Lists_takes_the_wildcard_where_Fetch_does(string header, string value, string? found)
    {
        var required = header == "Access-Control-Allow-Methods" ? new[] { "GET", "POST" } : ["Content-Type", "Authorization"];

        Header(header).Lists(required).Match(Responses.WithHeaders((header, value)))
            .Should().Be(found is null ? null : new Mismatch($"{header} to list {string.Join(", ", required)}", found));
    }
}
