using Conformance.Harness.Running;

namespace Conformance.Harness.Probes;

/// <summary>
/// Something only the server's maintainer knows and gives the run (see the README's settings table); a test that needs
/// it says <c>Client.Require(Setting.RegistrationToken)</c> and gets its value.
/// </summary>
public sealed class Setting
{
    private readonly Func<ConformanceRun, string?> _read;

    private Setting(Func<ConformanceRun, string?> read, string whenMissing)
    {
        _read = read;
        WhenMissing = whenMissing;
    }

    /// <summary>A registration token the server accepts (<c>CONFORMANCE_REGISTRATION_TOKEN</c>).</summary>
    public static Setting RegistrationToken { get; } = new(c => c.RegistrationToken,
        "No registration token is configured: set CONFORMANCE_REGISTRATION_TOKEN to one the server accepts.");

    /// <summary>The <c>as_token</c> of an application service on the server (<c>CONFORMANCE_APPSERVICE_TOKEN</c>); a secret.</summary>
    public static Setting AppServiceToken { get; } = new(c => c.AppServiceToken,
        "No application service token is known: set CONFORMANCE_APPSERVICE_TOKEN (and CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX to its namespace).");

    /// <summary>The start of localparts an application service holds exclusively (<c>CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX</c>).</summary>
    public static Setting ExclusiveUsernamePrefix { get; } = new(c => c.ExclusiveUsernamePrefix,
        "No application-service namespace is known: set CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX to the start of localparts an appservice on the server holds exclusively.");

    /// <summary>The details of why a test that needs the setting is not judged without it: which variable to set.</summary>
    public string WhenMissing { get; }

    /// <summary>The value the run was given, or null.</summary>
    internal string? ValueIn(ConformanceRun context) => _read(context);
}
