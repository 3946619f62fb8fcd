using Conformance.Harness.Client;

namespace Conformance.Harness.Tests.Client;

/// <summary>The end-of-run request counts add up, per family, under parallel use.</summary>
public sealed class RequestCountsTests
{
    [Test]
    public void Parallel_requests_are_all_counted_in_their_family()
    {
        var counts = new RequestCounts();

        Parallel.For(0, 1000, i => counts.Sent(i % 4 == 0 ? "register" : "other"));
        counts.RateLimited();

        counts.Of("register").Should().Be(250);
        counts.Describe().Should().Be("1000 requests (other 750, register 250); 1 answered 429");
    }
}
