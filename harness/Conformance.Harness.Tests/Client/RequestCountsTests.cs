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
        counts.Describe().Should().Be("1000 requests (other 750, register 250); 1 answered 429; 0 registrations, 0 logins of 0 login attempts");
    }

    [Test]
    public void Only_a_POST_register_or_login_answered_200_makes_an_account_or_a_session()
    {
        var counts = new RequestCounts();
        var register = MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/register", new System.Text.Json.Nodes.JsonObject());
        var login = MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/login", new System.Text.Json.Nodes.JsonObject());

        counts.Answered(register, 401);
        counts.Answered(register, 200);
        counts.Answered(MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/v3/register/available"), 200);
        counts.Answered(login, 200);
        counts.Answered(login, 403);
        counts.Answered(MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/v3/login"), 200);

        counts.Answered(login, 429);

        (counts.Registrations, counts.Logins, counts.LoginAttempts).Should().Be((1, 1, 2));
    }

    [Test]
    public void A_test_counts_once_per_family_however_often_it_sends()
    {
        var counts = new RequestCounts();

        Parallel.For(0, 100, i => counts.Involves(i % 2 == 0 ? "login" : "register", "test-" + (i % 10)));

        (counts.TestsOf("login"), counts.TestsOf("register"), counts.TestsOf("refresh")).Should().Be((5, 5, 0));
    }
}
