using Conformance.Harness.Client;
using Conformance.Harness.Tests.Support;

namespace Conformance.Harness.Tests.Client;

/// <summary>A request that gets no answer leaves no secret of its URL in the exception a test fails with.</summary>
public sealed class TransportSecretTests
{
    [Test]
    public async Task A_timed_out_request_keeps_a_secret_query_value_out_of_the_whole_exception()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var transport = Transports.For(server.BaseUrl, new TransportSettings { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        var request = MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/v1/register/m.login.registration_token/validity")
            with { Query = [new("token", "secret-registration-token-4711")] };

        var send = () => transport.SendAsync(request, new ExchangeLog());

        // NUnit prints the whole chain, inner exceptions included, into the CI log and the reports.
        (await send.Should().ThrowAsync<TransportException>()).Which.ToString().Should().NotContain("secret-registration-token-4711");
    }
}
