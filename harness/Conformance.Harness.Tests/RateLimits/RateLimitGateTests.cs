using System.Diagnostics;
using Conformance.Harness.RateLimits;

namespace Conformance.Harness.Tests.RateLimits;

public sealed class RateLimitGateTests
{
    [Test]
    public async Task A_closed_family_holds_every_request_of_that_family()
    {
        var gate = new RateLimitGate();
        gate.Close("register", TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(gate.WaitOpenAsync("register", default), gate.WaitOpenAsync("register", default));

        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280));
    }

    [Test]
    public void Other_families_are_not_held()
    {
        var gate = new RateLimitGate();
        gate.Close("register", TimeSpan.FromMinutes(5));

        gate.WaitOpenAsync("login", default).IsCompleted.Should().BeTrue();
    }

    [Test]
    public void A_shorter_pause_does_not_shorten_a_longer_one()
    {
        var gate = new RateLimitGate();
        gate.Close("register", TimeSpan.FromMinutes(5));
        gate.Close("register", TimeSpan.FromMilliseconds(1));

        gate.WaitOpenAsync("register", default).IsCompleted.Should().BeFalse();
    }

    [Test]
    public async Task A_family_is_closed_only_until_its_pause_ends()
    {
        var gate = new RateLimitGate();
        gate.IsClosed("register").Should().BeFalse("no 429 has closed it");

        gate.Close("register", TimeSpan.FromMilliseconds(200));

        gate.IsClosed("register").Should().BeTrue();
        gate.IsClosed("login").Should().BeFalse();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        gate.IsClosed("register").Should().BeFalse("the pause is over");
    }

    [Test]
    public async Task A_long_pause_reports_its_progress_in_one_line_per_interval_however_many_wait()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var gate = new RateLimitGate(TimeProvider.System, lines.Enqueue, reportEvery: TimeSpan.FromMilliseconds(200));
        gate.Close("login", TimeSpan.FromMilliseconds(700));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => gate.WaitOpenAsync("login", default)));

        lines.Should().HaveCountGreaterThanOrEqualTo(3).And.HaveCountLessThanOrEqualTo(5, "one line per 200 ms of a 700 ms pause, not one per waiter");
        lines.First().Should().MatchRegex(@"^Waiting out a 429 on login: 0 s of 1 s \(1 request waiting\)$", "the first waiter reports at once");
        lines.Skip(1).First().Should().EndWith("(3 requests waiting)");
    }

    [Test]
    public async Task A_short_pause_reports_nothing()
    {
        var lines = new List<string>();
        var gate = new RateLimitGate(TimeProvider.System, lines.Add, reportEvery: TimeSpan.FromSeconds(30));
        gate.Close("login", TimeSpan.FromMilliseconds(100));

        await gate.WaitOpenAsync("login", default);

        lines.Should().BeEmpty();
    }

    [TestCase("/_matrix/client/v3/register", "register")]
    [TestCase("/_matrix/client/v3/register/available", "available")]
    [TestCase("/_matrix/client/v1/register/m.login.registration_token/validity", "token-validity")]
    [TestCase("/_matrix/client/v3/register/email/requestToken", "register")]
    [TestCase("/_matrix/client/v3/login", "login")]
    [TestCase("/_matrix/client/v1/login/get_token", "get-token")]
    [TestCase("/_matrix/client/v3/refresh", "refresh")]
    [TestCase("/_matrix/client/v3/account/whoami", "other")]
    public void Endpoints_are_grouped_into_families(string path, string family) =>
        EndpointFamily.Of(path).Should().Be(family);
}
