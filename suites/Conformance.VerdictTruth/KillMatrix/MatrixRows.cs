using Conformance.Reference.Faults;
using Conformance.Harness.Running;
using Conformance.Reference.Hosting;

namespace Conformance.VerdictTruth.KillMatrix;

/// <summary>The rows of the kill matrix: the plain server, every variant and every fault of the catalogues.</summary>
public static class MatrixRows
{
    /// <summary>The registration token every matrix server accepts and every run is given.</summary>
    public const string RegistrationToken = "kill-matrix-token";

    /// <summary>The start of the localparts an application service holds on every matrix server.</summary>
    public const string ExclusivePrefix = "kill_matrix_as_";

    /// <summary>That application service's token.</summary>
    public const string AppServiceToken = "kill-matrix-as-token";

    /// <summary>A request time-out far above any answer of a loaded reference server, far below the default 30 s a withheld answer would cost each time.</summary>
    private static readonly Dictionary<string, string> GiveUpSoon = new() { ["RequestTimeoutSeconds"] = "5" };

    /// <summary>Settings shared by every row: those of the embedded server the suite starts on its own.</summary>
    public static ReferenceHomeserverOptions Base { get; } = ConformanceRun.EmbeddedOptions(RegistrationToken, ExclusivePrefix, AppServiceToken);

    /// <summary>The plain server first, then the variants, then the faults.</summary>
    public static IReadOnlyList<MatrixRow> All { get; } =
    [
        new("plain", "reference", "-", "the reference homeserver as it is", Base),
        .. VariantCatalogue.All.Select(v => new MatrixRow("variant", v.Name, v.RequirementId, v.Description, v.Apply(Base), v.ShouldDepartures)),
        .. FaultCatalogue.All.Select(f => new MatrixRow("fault", f.Name, f.RequirementId, f.Description, f.ApplyTo(Base), AlsoBreaks: f.AlsoBreaks,
            SuiteSettings: f.WithholdsAnswers ? GiveUpSoon : null)),
    ];

    /// <summary>The row called <paramref name="name"/>.</summary>
    public static MatrixRow Named(string name) => All.Single(r => r.Name == name);
}
