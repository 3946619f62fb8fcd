using System.Diagnostics;
using Conformance.Reference.Hosting;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.KillMatrix;

/// <summary>
/// Runs the suite against every row's server: the servers in this process on loopback, the suite in isolated load
/// contexts, several rows at once. Computed once per test run and shared by the matrix tests.
/// </summary>
public static class KillMatrixRunner
{
    // The suite mostly waits (token expiries, round trips), so more rows than cores keeps the CPU busy.
    private static readonly int Concurrency = Math.Max(2, Environment.ProcessorCount * 3);

    // One pool of slots for both matrices, should they run at once.
    private static readonly SemaphoreSlim Slots = new(Concurrency);

    private static readonly Lazy<Task<Matrix>> Shared = new(() => RunAsync(MatrixRows.All));

    private static readonly Lazy<Task<Matrix>> Closed = new(() => RunAsync(MatrixRows.ClosedRegistration));

    /// <summary>Every row's result, the seed used and the time the whole matrix took.</summary>
    public sealed record Matrix(IReadOnlyList<MatrixResult> Results, int Seed, TimeSpan Elapsed);

    /// <summary>The matrix, run on first use.</summary>
    public static Task<Matrix> ResultAsync() => Shared.Value;

    /// <summary>The closed-registration matrix (<see cref="MatrixRows.ClosedRegistration"/>), run on first use.</summary>
    public static Task<Matrix> ClosedRegistrationResultAsync() => Closed.Value;

    private static async Task<Matrix> RunAsync(IReadOnlyList<MatrixRow> rows)
    {
        var seed = Random.Shared.Next(1, int.MaxValue);
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(rows.Select(async row =>
        {
            await Slots.WaitAsync();
            try
            {
                return await RunRowAsync(row, seed);
            }
            finally
            {
                Slots.Release();
            }
        }));
        return new Matrix(results, seed, clock.Elapsed);
    }

    private static async Task<MatrixResult> RunRowAsync(MatrixRow row, int seed)
    {
        try
        {
            await using var server = await ReferenceHomeserver.StartAsync(row.Options);
            var run = await InProcessSuite.RunAsync(server.BaseUrl, seed, settings: row.SuiteSettings);
            return new MatrixResult(row, run.Outcomes, run.Outcomes.Count == 0 ? "the suite ran no test" : null, run.Leaks ?? []);
        }
#pragma warning disable CA1031 // One row that cannot run is that row's verdict, not the end of the matrix.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new MatrixResult(row, [], e.ToString(), []);
        }
    }
}
