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
    /// Alternating rounds of <paramref name="requestsPerRound"/> requests through each: first for
    /// <paramref name="warmUp"/>, while the JIT recompiles hot code with what it has seen (only the totals are kept,
    /// as the cold figure), then <paramref name="rounds"/> measured rounds. A round's two legs run back to back, so
    /// the median of the rounds' ratios is steadier than the ratio of the medians on a busy machine.
    /// </summary>
    public async Task<OverheadFigures> MeasureAsync(TimeSpan warmUp, int rounds, int requestsPerRound)
    {
        var accessToken = await RegisterAsync();
        var workload = Workload(accessToken);
        using var transport = new MatrixTransport(server, new TransportSettings(), new RateLimitGate());
        using var bare = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        var harness = new Leg(requestsPerRound, i => transport.SendAsync(workload[i % workload.Length], new ExchangeLog()));
        var plain = new Leg(requestsPerRound, i => SendBareAsync(bare, workload[i % workload.Length]));
        var warming = Stopwatch.StartNew();
        double coldHarness = 0, coldBare = 0;
        for (var round = 0; warming.Elapsed < warmUp; round++)
        {
            var (viaHarness, viaBare) = await InTurnAsync(round, harness, plain);
            coldHarness += viaHarness;
            coldBare += viaBare;
        }

        var harnessTimes = new List<double>();
        var bareTimes = new List<double>();
        var (harnessBytes, bareBytes) = (harness.Allocated, plain.Allocated);
        var (harnessHops, bareHops) = (harness.WorkItems, plain.WorkItems);
        for (var round = 0; round < rounds; round++)
        {
            var (viaHarness, viaBare) = await InTurnAsync(round, harness, plain);
            harnessTimes.Add(viaHarness);
            bareTimes.Add(viaBare);
        }

        var ratios = harnessTimes.Zip(bareTimes, (h, b) => h / b).ToList();
        var measured = (double)rounds * requestsPerRound;
        return new OverheadFigures(
            TimeSpan.FromSeconds(Median(harnessTimes) / requestsPerRound),
            TimeSpan.FromSeconds(Median(bareTimes) / requestsPerRound),
            Median(ratios),
            coldHarness / coldBare,
            (long)((harness.Allocated - harnessBytes) / measured),
            (long)((plain.Allocated - bareBytes) / measured),
            (harness.WorkItems - harnessHops) / measured,
            (plain.WorkItems - bareHops) / measured);
    }

    /// <summary>One round of each; whichever goes second inherits the first one's garbage, so they take turns.</summary>
    private static async Task<(double ViaHarness, double ViaBare)> InTurnAsync(int round, Leg harness, Leg bare)
    {
        if (round % 2 == 0)
        {
            var viaHarness = await harness.RoundAsync();
            return (viaHarness, await bare.RoundAsync());
        }

        var viaBare = await bare.RoundAsync();
        return (await harness.RoundAsync(), viaBare);
    }

    /// <summary>
    /// One way of sending: a round's wall time, and what the process allocated and how many thread-pool work items it
    /// ran during all its rounds (process-wide, the in-process server's share included: the same for both legs).
    /// </summary>
    private sealed class Leg(int requestsPerRound, Func<int, Task> send)
    {
        public long Allocated { get; private set; }

        /// <summary>Each is a hop from one thread to another: a continuation that did not run where it was woken.</summary>
        public long WorkItems { get; private set; }

        public async Task<double> RoundAsync()
        {
            var before = GC.GetTotalAllocatedBytes();
            var itemsBefore = ThreadPool.CompletedWorkItemCount;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < requestsPerRound; i++)
            {
                await send(i);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            Allocated += GC.GetTotalAllocatedBytes() - before;
            WorkItems += ThreadPool.CompletedWorkItemCount - itemsBefore;
            return seconds;
        }
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
