using Conformance.Hostile.Hosting;
using Conformance.Hostile.Modes;

namespace Conformance.VerdictTruth.Hostile;

/// <summary>
/// One hostile server to aim the suite at, and what the suite must say about it: the phrase every failure or
/// Inconclusive must carry, and the tests the breakage does not touch.
/// </summary>
/// <param name="Name">How the case reads in test names.</param>
/// <param name="Mode">How the server is broken.</param>
/// <param name="Options">Whether /versions is broken too.</param>
/// <param name="Phrase">What every message says the server did (a plain substring).</param>
/// <param name="Untouched">
/// Short names (<c>Fixture.Method(args)</c>) of the tests whose verdict does not depend on the breakage: they may pass,
/// or fail or be Inconclusive for a reason of their own.
/// </param>
public sealed record HostileCase(string Name, HostileMode Mode, HostileOptions Options, string Phrase, IReadOnlyList<string> Untouched)
{
    /// <summary>Whether the mode is broken on /versions too, so the run must fail at its start.</summary>
    public bool BreaksVersions => !Options.SpareVersions;

    /// <summary>Whether the suite meets it as a wait on every request, so its run lasts until the budget is used up.</summary>
    public bool Slow => Options.SpareVersions && (Mode is HostileMode.NeverAnswers or HostileMode.OneBytePerSecond);

    /// <inheritdoc />
    public override string ToString() => Name;
}
