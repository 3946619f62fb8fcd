using System.Diagnostics;
using Conformance.Harness.Client;
using NUnit.Framework;

namespace Conformance.Harness.Probes;

/// <summary>Waits out a token's announced lifetime, within a bound, so expiry rules can be checked.</summary>
public static class Expiry
{
    // The longest lifetime the suite waits out; longer ones make the check Inconclusive.
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    /// <summary>Returns once something announced to live <paramref name="lifetimeMs"/> has surely expired.</summary>
    /// <param name="lifetimeMs">The <c>expires_in_ms</c> the server gave.</param>
    /// <param name="what">What expires, for the Inconclusive reason: "access token", "login token".</param>
    /// <exception cref="InconclusiveException">No lifetime was given, or it is longer than the suite waits (15 s).</exception>
    public static async Task WaitOutAsync(long? lifetimeMs, string what)
    {
        var ms = lifetimeMs
            ?? throw NotJudgedReasons.TokenLifetime.Exception($"The server gave no expires_in_ms, so the suite cannot know when the {what} expires.");
        if (TimeSpan.FromMilliseconds(ms) > WaitLimit)
        {
            throw NotJudgedReasons.TokenLifetime.Exception($"The {what} lives {ms} ms here; the suite waits at most {WaitLimit.TotalSeconds:0} s for one to expire.");
        }

        // A little past the deadline: the server's clock starts when it answered, ours a moment later.
        await Task.Delay(TimeSpan.FromMilliseconds(ms + 250));
    }

    /// <summary>
    /// A refusal of something used after its announced lifetime had passed (the test had to wait, e.g. on the
    /// server's rate limit) says nothing about the rule under test: Inconclusive, with the exchange.
    /// </summary>
    /// <param name="response">What the server answered to the use.</param>
    /// <param name="lifetimeMs">The <c>expires_in_ms</c> it gave when it issued the thing.</param>
    /// <param name="issuedAt">When it was issued, a <see cref="Stopwatch"/> timestamp.</param>
    /// <param name="what">What was used: "login token", "access token".</param>
    /// <exception cref="InconclusiveException">The use was refused and came after the lifetime.</exception>
    public static void NoVerdictIfUsedAfterExpiry(MatrixResponse response, long? lifetimeMs, long issuedAt, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        var age = Stopwatch.GetElapsedTime(issuedAt);
        if (response.StatusCode != 200 && lifetimeMs is { } ms && age >= TimeSpan.FromMilliseconds(ms))
        {
            throw NotJudgedReasons.TokenLifetime.Exception(
                $"The {what} lives {ms} ms and was {age.TotalMilliseconds:0} ms old when the test could use it (it waited on the server, "
                + $"e.g. its rate limit), so its refusal is no verdict.\n{response.Exchange.Describe()}");
        }
    }
}
