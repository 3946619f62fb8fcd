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

    /// <summary>The account every closed-registration row starts with, and its run is given.</summary>
    public const string GivenLocalpart = "kill_matrix_owner";

    /// <summary>That account's password.</summary>
    public const string GivenPassword = "kill-matrix-owner-password";

    /// <summary>
    /// The settings of <see cref="Base"/> with registration and guests closed, as on most production servers, and one
    /// account that exists: the suite stands on it, and on users the application service makes.
    /// </summary>
    public static ReferenceHomeserverOptions ClosedBase { get; } =
        Base with { Registration = RegistrationMode.Disabled, Guests = false, Accounts = [new AccountSpec(GivenLocalpart, GivenPassword)] };

    private static readonly Dictionary<string, string> GivenAccount = new() { ["AccountUser"] = GivenLocalpart, ["AccountPassword"] = GivenPassword };

    /// <summary>
    /// The same rows on <see cref="ClosedBase"/>, each run given that account: the accounts a closed server's run stands
    /// on must leave a fault's deviation to its own rule too. Rows of the OAuth 2.0 API and of guests are left out:
    /// neither touches the accounts a closed server's run stands on (guests are off there).
    /// </summary>
    public static IReadOnlyList<MatrixRow> ClosedRegistration { get; } =
    [
        new("plain", "reference", "-", "the reference homeserver, registration and guests closed", ClosedBase, SuiteSettings: GivenAccount),
        .. VariantCatalogue.All.Where(v => TouchesAccounts(v.RequirementId))
            .Select(v => new MatrixRow("variant", v.Name, v.RequirementId, v.Description, v.Apply(ClosedBase), v.ShouldDepartures, SuiteSettings: GivenAccount)),
        .. FaultCatalogue.All.Where(f => TouchesAccounts(f.RequirementId))
            .Select(f => new MatrixRow("fault", f.Name, f.RequirementId, f.Description, f.ApplyTo(ClosedBase), AlsoBreaks: f.AlsoBreaks,
                SuiteSettings: f.WithholdsAnswers ? GivenAccount.Concat(GiveUpSoon).ToDictionary() : GivenAccount)),
    ];

    private static bool TouchesAccounts(string requirementId) =>
        !requirementId.StartsWith("OAUTH-", StringComparison.Ordinal) && !requirementId.StartsWith("GUEST-", StringComparison.Ordinal);

    /// <summary>The row called <paramref name="name"/>.</summary>
    public static MatrixRow Named(string name) => All.Single(r => r.Name == name);
}
