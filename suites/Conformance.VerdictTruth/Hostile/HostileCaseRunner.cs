using System.Diagnostics;
using System.Globalization;
using Conformance.Hostile.Hosting;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.Hostile;

/// <summary>
/// Runs the whole suite in-process against every hostile case, a few at once, with short limits; computed once per
/// test run and shared by the hostile-server tests.
/// </summary>
public static class HostileCaseRunner
{
    /// <summary>The per-request timeout the runs use.</summary>
    /// <remarks>
    /// Short, but not so short that a busy machine (several suites loading at once on two cores) misses /versions: the
    /// slow cases end at the run budget anyway, so a longer timeout costs no wall time.
    /// </remarks>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The whole-run budget the runs use.</summary>
    public static readonly TimeSpan RunBudget = TimeSpan.FromSeconds(20);

    // The slow cases mostly wait on sockets; more would compete with the rest of the verdict checks for two cores.
    private const int Concurrency = 4;

    private static readonly Lazy<Task<IReadOnlyList<HostileResult>>> Shared = new(RunAsync);

    /// <summary>Every case's result, run on first use.</summary>
    public static Task<IReadOnlyList<HostileResult>> ResultsAsync() => Shared.Value;

    private static async Task<IReadOnlyList<HostileResult>> RunAsync()
    {
        var seed = Random.Shared.Next(1, int.MaxValue);
        using var slots = new SemaphoreSlim(Concurrency);
        // Slowest first, so the long runs overlap instead of trailing at the end.
        var cases = HostileCases.All.OrderByDescending(c => c.Slow);
        return await Task.WhenAll(cases.Select(async c =>
        {
            await slots.WaitAsync();
            try
            {
                return await RunCaseAsync(c, seed);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private static async Task<HostileResult> RunCaseAsync(HostileCase hostile, int seed)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var server = await HostileHomeserver.StartAsync(hostile.Mode, hostile.Options);
            InProcessSuiteResult run;
            try
            {
                clock.Restart();
                run = await InProcessSuite.RunAsync(server.BaseUrl, seed, settings: new Dictionary<string, string>
                {
                    ["RequestTimeoutSeconds"] = RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                    ["RunBudgetSeconds"] = RunBudget.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                });
                clock.Stop();
            }
            finally
            {
                // Disposing ends the bodies still being written, so the meter below is final.
                await server.DisposeAsync();
            }

            return new HostileResult(
                hostile, run, clock.Elapsed, server.HugeBodies.LargestWritten, server.Received.Requests, server.OtherOriginReceived.Requests, null);
        }
#pragma warning disable CA1031 // A run that crashes is that case's verdict (the tests fail on it), not the end of the others.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new HostileResult(hostile, new InProcessSuiteResult([], [], []), clock.Elapsed, 0, [], [], e.ToString());
        }
    }
}
