using System.Diagnostics;
using System.Globalization;
using Conformance.Benchmark;
using Conformance.Harness.Running;
using Conformance.Reference.Hosting;

// Figures for the README's performance section: the suite against the embedded server, the harness's overhead per
// request, the suite against Synapse-like limits beside the floor those limits impose, and peak memory. Not a test:
// timings on a shared machine vary, so they are printed, never asserted.
var workers = args.SkipWhile(a => a != "--workers").Skip(1).Select(int.Parse).FirstOrDefault(4);
var skipLimited = args.Contains("--skip-limited");
var culture = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(culture, $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {workers} NUnit workers"));

var embedded = SuiteRun.Execute(new Dictionary<string, string>(), workers);
Console.WriteLine(string.Create(culture,
    $"1. Suite against the embedded server: {embedded.Wall.TotalSeconds:0.0} s test phase; {embedded.Passed} passed, {embedded.Failed} failed, "
    + $"{embedded.Inconclusive} inconclusive; {embedded.Counts.Describe()}"));
Console.WriteLine(string.Create(culture, $"4. Peak memory of the process (suite, harness and embedded server): {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB working set"));

await using (var server = await ReferenceHomeserver.StartAsync(new ReferenceHomeserverOptions()))
{
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

// Synapse's defaults throughout: its limits, and its token lifetimes (refreshable access tokens 5 min, login tokens
// 5 min). The embedded server's 5 s lifetimes exist to check expiry quickly; behind a rate limit, a token that short
// can expire while its test waits its turn, which would be the limits failing a test, not the server.
var limits = RateLimitRule.SynapseDefaults;
var options = ConformanceRun.EmbeddedOptions("bench-token", "bench_as_", "bench-as-token") with
{
    RateLimits = limits,
    AccessTokenLifetime = TimeSpan.FromMinutes(5),
    LoginTokenLifetime = TimeSpan.FromMinutes(5),
};
await using (var limited = await ReferenceHomeserver.StartAsync(options))
{
    var run = SuiteRun.Execute(new Dictionary<string, string>
    {
        ["HomeserverUrl"] = limited.BaseUrl.ToString(),
        ["RegistrationToken"] = "bench-token",
        ["ExclusiveUsernamePrefix"] = "bench_as_",
        ["AppServiceToken"] = "bench-as-token",
    }, workers);
    var floor = RateLimitFloor.For(run.Counts, limits);
    var described = string.Join(", ", limits.Select(l => string.Create(culture, $"{l.Family} {l.PerSecond}/s burst {l.Burst}")));
    Console.WriteLine(string.Create(culture,
        $"3. Suite against Synapse-like limits ({described}): {run.Wall.TotalSeconds:0} s; floor for {run.Counts.Registrations} registrations "
        + $"and {run.Counts.LoginAttempts} login attempts: {floor.TotalSeconds:0} s; {run.Wall / floor:0.00}x the floor; "
        + $"{run.Passed} passed, {run.Failed} failed, {run.Inconclusive} inconclusive; {run.Counts.Describe()}"));
    foreach (var reason in run.Reasons)
    {
        Console.WriteLine("   " + reason);
    }
}
