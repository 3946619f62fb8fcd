using System.Text.Json.Nodes;
using Conformance.Harness.RateLimits;

namespace Conformance.Harness.Tests.RateLimits;

public sealed class RetryAfterTests
{
    [Test]
    public void Reads_seconds_from_the_header() =>
        RetryAfter.Of(Headers("Retry-After", "7"), null).Should().Be(TimeSpan.FromSeconds(7));

    [Test]
    public void Reads_an_HTTP_date_from_the_header() =>
        RetryAfter.Of(Headers("Retry-After", DateTimeOffset.UtcNow.AddSeconds(30).ToString("R")), null)
            .Should().BeCloseTo(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));

    [Test]
    public void Reads_retry_after_ms_from_the_body() =>
        RetryAfter.Of(Headers(), JsonNode.Parse("""{"retry_after_ms": 1500}""")).Should().Be(TimeSpan.FromMilliseconds(1500));

    [Test]
    public void The_header_wins_over_the_body() =>
        RetryAfter.Of(Headers("Retry-After", "2"), JsonNode.Parse("""{"retry_after_ms": 10}""")).Should().Be(TimeSpan.FromSeconds(2));

    [TestCase(4, 3334, 3334)]
    [TestCase(1, 300, 300)]
    [TestCase(4, 2999, 4000)]
    [TestCase(4, 4001, 4000)]
    public void Retry_after_ms_within_the_header_s_second_is_taken_as_the_more_precise_wait(int seconds, long ms, long expectedMs) =>
        RetryAfter.Of(Headers("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)), JsonNode.Parse($$"""{"retry_after_ms": {{ms}}}"""))
            .Should().Be(TimeSpan.FromMilliseconds(expectedMs));

    [Test]
    public void Nothing_usable_gives_null() =>
        RetryAfter.Of(Headers("Retry-After", "soon"), JsonNode.Parse("""{"retry_after_ms": "x"}""")).Should().BeNull();

    private static Dictionary<string, string> Headers(params string[] pairs)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            headers[pairs[i]] = pairs[i + 1];
        }

        return headers;
    }
}
