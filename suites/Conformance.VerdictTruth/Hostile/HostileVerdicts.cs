using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.Hostile;

/// <summary>How a verdict from a run against a hostile server is judged.</summary>
public static class HostileVerdicts
{
    /// <summary>What a test that ran out of run budget says; the slow cases reach it by design.</summary>
    public const string BudgetUsedUp = "(CONFORMANCE_RUN_BUDGET_S) was used up";

    /// <summary>
    /// Whether a red test failed the way a broken server should make it: a failed expectation of the harness, a
    /// transport failure, or (with /versions broken) the run's start refusing the server; never another exception.
    /// </summary>
    public static bool IsClearFailure(SuiteOutcome outcome, HostileCase hostile)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(hostile);
        var message = outcome.Message ?? string.Empty;
        return message.StartsWith("Expected ", StringComparison.Ordinal)
            || message.StartsWith("Conformance.Harness.Client.TransportException : ", StringComparison.Ordinal)
            || (hostile.BreaksVersions && message.Contains("System.InvalidOperationException : The server under test", StringComparison.Ordinal));
    }

    /// <summary>Whether the verdict's message names what the server did (or, for a slow server, that the budget ran out).</summary>
    public static bool SaysWhatTheServerDid(SuiteOutcome outcome, HostileCase hostile)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(hostile);
        var message = outcome.Message ?? string.Empty;
        return hostile.Untouched.Contains(outcome.ShortName)
            || message.Contains(hostile.Phrase, StringComparison.Ordinal)
            || (hostile.Slow && message.Contains(BudgetUsedUp, StringComparison.Ordinal));
    }

    /// <summary>One line per verdict, for assertion messages.</summary>
    public static string Describe(IEnumerable<SuiteOutcome> outcomes) =>
        string.Join("\n", outcomes.Select(o => $"{o.ShortName} [{o.Status}]: {o.Message?.Split('\n')[0]}"));
}
