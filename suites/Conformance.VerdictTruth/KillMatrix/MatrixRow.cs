using Conformance.Reference.Hosting;

namespace Conformance.VerdictTruth.KillMatrix;

/// <summary>One server the matrix aims the suite at: the plain reference server, a legal variant, or a fault.</summary>
/// <param name="Kind">plain, variant or fault.</param>
/// <param name="Name">The catalogue name (what <c>--fault</c> or <c>--variant</c> takes).</param>
/// <param name="RequirementId">The requirement the fault breaks, or whose latitude the variant uses.</param>
/// <param name="Description">What the server does.</param>
/// <param name="Options">The server's settings.</param>
/// <param name="ShouldDepartures">Tests of a SHOULD a variant legally does not follow: they, and only they, fail on it.</param>
/// <param name="AlsoBreaks">Requirements a fault necessarily breaks besides its own, with why.</param>
/// <param name="SuiteSettings">Runsettings parameters the row's run needs besides the shared ones (a short request time-out for a server that withholds answers).</param>
public sealed record MatrixRow(
    string Kind, string Name, string RequirementId, string Description, ReferenceHomeserverOptions Options, IReadOnlyList<string>? ShouldDepartures = null,
    IReadOnlyList<Conformance.Reference.Faults.AlsoBroken>? AlsoBreaks = null, IReadOnlyDictionary<string, string>? SuiteSettings = null)
{
    /// <summary>Whether the suite must fail on this server (a fault) rather than pass (plain and variants).</summary>
    public bool MustBeKilled => Kind == "fault";

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Name}";
}
