using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.Harness.Client;
using Conformance.Harness.RateLimits;

namespace Conformance.Benchmark;

/// <summary>
/// Time per request through the harness's transport (Flurl.Http, exchange records, redaction, capped reads) against a
/// bare <see cref="HttpClient"/> sending the same requests to the same server, in alternating rounds so drift in the
/// machine hits both alike.
/// </summary>
public sealed class HarnessOverhead(Uri server)
{
    /// <summary>
    /// The median per-request times over <paramref name="rounds"/> rounds of <paramref name="requestsPerRound"/>
    /// requests, and the median of each round's ratio: a round's two legs run back to back, so their ratio is
    /// steadier than the ratio of the medians on a busy machine.
    /// </summary>
    public async Task<OverheadFigures> MeasureAsync(int rounds, int requestsPerRound)
    {
        var accessToken = await RegisterAsync();
        var workload = Workload(accessToken);
        using var transport = new MatrixTransport(server, new TransportSettings(), new RateLimitGate());
        using var bare = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        var harnessTimes = new List<double>();
        var bareTimes = new List<double>();
        long harnessBytes = 0, bareBytes = 0;
        // The first round of each warms connections and JIT; it is not kept.
        for (var round = -1; round < rounds; round++)
        {
            // Allocations are counted process-wide, the in-process server's included: the same for both legs.
            async Task<double> ViaHarness()
            {
                var before = GC.GetTotalAllocatedBytes();
                var seconds = await TimeAsync(requestsPerRound, i => transport.SendAsync(workload[i % workload.Length], new ExchangeLog()));
                harnessBytes += GC.GetTotalAllocatedBytes() - before;
                return seconds;
            }

            async Task<double> ViaBare()
            {
                var before = GC.GetTotalAllocatedBytes();
                var seconds = await TimeAsync(requestsPerRound, i => SendBareAsync(bare, workload[i % workload.Length]));
                bareBytes += GC.GetTotalAllocatedBytes() - before;
                return seconds;
            }

            // Whichever goes second inherits the first one's garbage; take turns.
            double viaHarness, viaBare;
            if (round % 2 == 0)
            {
                viaHarness = await ViaHarness();
                viaBare = await ViaBare();
            }
            else
            {
                viaBare = await ViaBare();
                viaHarness = await ViaHarness();
            }

            if (round >= 0)
            {
                harnessTimes.Add(viaHarness);
                bareTimes.Add(viaBare);
            }
        }

        var ratios = harnessTimes.Zip(bareTimes, (h, b) => h / b).ToList();
        var requests = (rounds + 1) * requestsPerRound;
        return new OverheadFigures(
            TimeSpan.FromSeconds(Median(harnessTimes) / requestsPerRound),
            TimeSpan.FromSeconds(Median(bareTimes) / requestsPerRound),
            Median(ratios),
            harnessBytes / requests,
            bareBytes / requests);
    }

    /// <summary>Requests that change nothing on the server, so every round sends exactly the same ones.</summary>
    private static MatrixRequest[] Workload(string accessToken) =>
    [
        MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/versions"),
        MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/v3/register/available") with { Query = [new("username", "bench_free_name")] },
        MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/v3/login"),
        MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/v3/account/whoami", accessToken),
        MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/register", new JsonObject { ["username"] = "bench_challenge", ["password"] = "bench-password-1" }),
    ];

    private async Task<object> SendBareAsync(HttpClient client, MatrixRequest request)
    {
        var url = new StringBuilder(server.GetLeftPart(UriPartial.Authority)).Append(request.Path);
        for (var i = 0; i < request.Query.Count; i++)
        {
            url.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(request.Query[i].Key)).Append('=').Append(Uri.EscapeDataString(request.Query[i].Value));
        }

        using var message = new HttpRequestMessage(request.Method, url.ToString());
        if (request.AccessToken is not null)
        {
            message.Headers.Authorization = new("Bearer", request.AccessToken);
        }

        if (request.Content is not null)
        {
            message.Content = new ByteArrayContent(request.Content) { Headers = { ContentType = new("application/json") } };
        }

        using var response = await client.SendAsync(message);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<double> TimeAsync(int count, Func<int, Task> send)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await send(i);
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>One account for the authenticated request: a registration completed with the dummy stage.</summary>
    private async Task<string> RegisterAsync()
    {
        using var transport = new MatrixTransport(server, new TransportSettings(), new RateLimitGate());
        var body = new JsonObject { ["username"] = "bench_reader", ["password"] = "bench-password-1" };
        var challenge = await transport.SendAsync(MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/register", body), new ExchangeLog());
        body["auth"] = new JsonObject { ["type"] = "m.login.dummy", ["session"] = challenge.Json?["session"]?.GetValue<string>() };
        var registered = await transport.SendAsync(MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/register", body), new ExchangeLog());
        return registered.Json?["access_token"]?.GetValue<string>()
            ?? throw new InvalidOperationException("The benchmark could not register its account: " + registered.Exchange.Describe());
    }
}
