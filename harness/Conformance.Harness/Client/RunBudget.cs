using System.Globalization;

namespace Conformance.Harness.Client;

/// <summary>
/// The whole run's time limit. Once it is used up every request fails at once, so a server that stalls every request
/// ends the run in bounded time instead of each test waiting out its own timeout.
/// </summary>
internal sealed class RunBudget(TimeSpan limit) : IDisposable
{
    // A timer cannot run longer than about 24 days; a budget beyond that is no budget.
    private readonly CancellationTokenSource _left = new(limit < TimeSpan.FromDays(24) ? limit : Timeout.InfiniteTimeSpan);

    /// <summary>Cancelled when the budget is used up.</summary>
    public CancellationToken Token => _left.Token;

    /// <summary>Whether the budget is used up.</summary>
    public bool IsUsedUp => _left.IsCancellationRequested;

    /// <summary>"the run budget of 1800 s (CONFORMANCE_RUN_BUDGET_S) was used up", for records and messages.</summary>
    public string Description =>
        string.Create(CultureInfo.InvariantCulture, $"the run budget of {limit.TotalSeconds:0.#} s (CONFORMANCE_RUN_BUDGET_S) was used up");

    /// <summary>The failure of a request that was never sent because the budget was already used up.</summary>
    public TransportException NotSent(MatrixRequest request) =>
        new($"No request sent: {Description} before {request.Method} {request.Path}");

    /// <inheritdoc />
    public void Dispose() => _left.Dispose();
}
