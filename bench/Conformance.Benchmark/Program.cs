using System.Diagnostics;
using System.Globalization;
using Conformance.Benchmark;
using Conformance.Harness.Running;
using Conformance.Reference.Hosting;

// Figures for the README's performance section: the suite against the embedded server, the harness's overhead per
// request, the suite against Synapse's default limits beside the floor those limits impose, and peak memory. Not a
// test: timings on a shared machine vary, so they are printed, never asserted.
// Options: --workers N (NUnit workers, 4), --skip-limited (no figure 3), --limited-only (figure 3 alone),
// --rate-factor F (figure 3's limits refill F times as fast as Synapse's, bursts unchanged; 100).
var workers = Option("--workers", int.Parse, 4);
var factor = Option("--rate-factor", v => double.Parse(v, CultureInfo.InvariantCulture), 100.0);
var skipLimited = args.Contains("--skip-limited");
var limitedOnly = args.Contains("--limited-only");
var culture = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(culture, $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {workers} NUnit workers"));

if (!limitedOnly)
{
    var embedded = MeasuredSuiteRun.Execute(new Dictionary<string, string>(), workers);
    Console.WriteLine(string.Create(culture,
        $"1. Suite against the embedded server: {embedded.Wall.TotalSeconds:0.0} s test phase; {embedded.Passed} passed, {embedded.Failed} failed, "
        + $"{embedded.Inconclusive} inconclusive; {embedded.Counts.Describe()}"));
    Console.WriteLine(string.Create(culture, $"4. Peak memory of the process (suite, harness and embedded server): {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB working set"));

    await using var server = await ReferenceHomeserver.StartAsync(new ReferenceHomeserverOptions());
    var warmUp = TimeSpan.FromSeconds(20);
    const int rounds = 101, requestsPerRound = 300;
    var figures = await new HarnessOverhead(server.BaseUrl).MeasureAsync(warmUp, rounds, requestsPerRound);
    Console.WriteLine(string.Create(culture,
        $"2. Harness overhead: {figures.Harness.TotalMicroseconds:0} µs per request through the harness, {figures.Bare.TotalMicroseconds:0} µs with a bare "
        + $"HttpClient (same requests, same server; medians of {rounds} rounds of {requestsPerRound} after {warmUp.TotalSeconds:0} s of warm-up): "
        + $"{figures.Ratio:0.00}x (median of the rounds' ratios); {figures.ColdRatio:0.00}x during the warm-up; "
        + $"{figures.HarnessBytes / 1024.0:0.0} KiB vs {figures.BareBytes / 1024.0:0.0} KiB allocated and {figures.HarnessWorkItems:0.00} vs "
        + $"{figures.BareWorkItems:0.00} thread-pool work items per request (server included)"));
}

if (skipLimited)
{
    Console.WriteLine("3. Skipped (--skip-limited).");
    return;
}

// The reference server's model of Synapse 1.141's defaults (--rate-limits synapse-defaults), every rate multiplied by
// one factor so the run takes a minute instead of hours, with Synapse's token lifetimes too (refreshable access
// tokens 5 min, login tokens 5 min): behind a rate limit a 5 s token can expire while its test waits its turn, which
// would be the limits failing a test, not the server. The same server without limits runs first, so the verdicts of
// the two runs can be compared test by test. Patience is unlimited: every 429 is waited out. get_token's limit (one a
// minute per user) keeps Synapse's own rate: the suite asks it once per user, so it must never make a test wait.
var ledger = new RateLimitLedger();
var limits = RateLimitRule.SynapseDefaults.Select(r => (r.Family == "get-token" ? r : r.Faster(factor)) with { Ledger = ledger }).ToList();
var synapseLike = ConformanceRun.EmbeddedOptions("bench-token", "bench_as_", "bench-as-token") with
{
    AccessTokenLifetime = TimeSpan.FromMinutes(5),
    LoginTokenLifetime = TimeSpan.FromMinutes(5),
};
var parameters = new Dictionary<string, string>
{
    ["RegistrationToken"] = "bench-token",
    ["ExclusiveUsernamePrefix"] = "bench_as_",
    ["AppServiceToken"] = "bench-as-token",
    ["RateLimitPatienceSeconds"] = "1000000",
    ["RunBudgetSeconds"] = "1000000",
};
MeasuredSuiteRun unlimited;
await using (var plain = await ReferenceHomeserver.StartAsync(synapseLike))
{
    unlimited = MeasuredSuiteRun.Execute(new Dictionary<string, string>(parameters) { ["HomeserverUrl"] = plain.BaseUrl.ToString() }, workers);
}

await using (var limited = await ReferenceHomeserver.StartAsync(synapseLike with { RateLimits = limits }))
{
    var run = MeasuredSuiteRun.Execute(new Dictionary<string, string>(parameters) { ["HomeserverUrl"] = limited.BaseUrl.ToString() }, workers);
    var floor = RateLimitFloor.Of(ledger, limits);
    // RATE-429 needs a 429 to judge: without limits it is Inconclusive by design, so it is the one expected difference.
    var differences = run.DifferencesFrom(unlimited, exceptRequirement: "RATE-429");
    Console.WriteLine(string.Create(culture,
        $"3. Suite against Synapse 1.141's default limits refilling {factor:0.##}x as fast (--rate-factor; get_token's at Synapse's own rate), waiting out every 429: "
        + $"{run.Wall.TotalSeconds:0.0} s; floor {floor.Floor.TotalSeconds:0.0} s ({floor.Floor.TotalSeconds * factor:0} s at Synapse's own rates); "
        + $"{run.Wall / floor.Floor:0.00}x the floor; {run.Passed} passed, {run.Failed} failed, {run.Inconclusive} inconclusive; "
        + $"verdicts {(differences.Count == 0 ? "match" : $"differ in {differences.Count} tests from")} those of the same server without limits, RATE-429 aside "
        + $"({unlimited.Wall.TotalSeconds:0.0} s; {unlimited.Passed} passed, {unlimited.Failed} failed, {unlimited.Inconclusive} inconclusive)"));
    Console.WriteLine("   Requests: " + run.Counts.Describe());
    Console.WriteLine("   Buckets (what the server's limits counted; spent = let through):");
    foreach (var line in floor.Lines)
    {
        Console.WriteLine("     " + line);
    }

    foreach (var difference in differences)
    {
        Console.WriteLine("   differs: " + difference);
    }

    foreach (var reason in run.Reasons)
    {
        Console.WriteLine("   " + reason);
    }
}

T Option<T>(string name, Func<string, T> parse, T fallback) =>
    args.SkipWhile(a => a != name).Skip(1).Select(parse).DefaultIfEmpty(fallback).First();
