using Conformance.Harness.Running;
using NUnit.Framework;

namespace Conformance.Harness.Probes;

/// <summary>Ends a test as Inconclusive, with the probed reason, when the server does not offer what it needs.</summary>
public static class NotApplicable
{
    /// <summary>Inconclusive when the run's probe found registration closed.</summary>
    /// <exception cref="InconclusiveException">Registration is closed.</exception>
    public static Task UnlessRegistrationIsOpenAsync() => Unless(ConformanceRun.Current.Probes.RegistrationClosedReasonAsync());

    /// <summary>Inconclusive when the server does not let guests register.</summary>
    /// <exception cref="InconclusiveException">Guests cannot register.</exception>
    public static Task UnlessGuestsCanRegisterAsync() => Unless(ConformanceRun.Current.Probes.GuestsClosedReasonAsync());

    /// <summary>Inconclusive when the server does not offer refresh tokens.</summary>
    /// <exception cref="InconclusiveException">No refresh tokens.</exception>
    public static Task UnlessRefreshTokensAreOfferedAsync() => Unless(ConformanceRun.Current.Probes.RefreshTokensMissingReasonAsync());

    /// <summary>Inconclusive when the server has no legacy login (GET /login is 404 M_UNRECOGNIZED).</summary>
    /// <exception cref="InconclusiveException">No legacy login.</exception>
    public static Task UnlessLegacyLoginAsync() => Unless(ConformanceRun.Current.Probes.LegacyLoginMissingReasonAsync());

    /// <summary>The token and namespace of an application service on the server; Inconclusive when either is unknown.</summary>
    /// <exception cref="InconclusiveException">No application service configured.</exception>
    public static (string AsToken, string LocalpartPrefix) AppService() =>
        (ConformanceRun.Current.AppServiceToken
            ?? throw new InconclusiveException("No application service token is known: set CONFORMANCE_APPSERVICE_TOKEN (and CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX to its namespace)."),
         ExclusiveUsernamePrefix());

    /// <summary>Inconclusive when the server does not offer get_token.</summary>
    /// <exception cref="InconclusiveException">No login tokens.</exception>
    public static Task UnlessLoginTokensAreOfferedAsync() => Unless(ConformanceRun.Current.Probes.LoginTokensMissingReasonAsync());

    /// <summary>The registration token the run may use; Inconclusive when none is configured.</summary>
    /// <exception cref="InconclusiveException">No token configured.</exception>
    public static string RegistrationToken() => ConformanceRun.Current.RegistrationToken
        ?? throw new InconclusiveException("No registration token is configured: set CONFORMANCE_REGISTRATION_TOKEN to one the server accepts.");

    /// <summary>The start of localparts an application service holds exclusively; Inconclusive when none is known.</summary>
    /// <exception cref="InconclusiveException">No namespace configured.</exception>
    public static string ExclusiveUsernamePrefix() => ConformanceRun.Current.ExclusiveUsernamePrefix
        ?? throw new InconclusiveException(
            "No application-service namespace is known: set CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX to the start of localparts an appservice on the server holds exclusively.");

    /// <summary>Inconclusive when the server advertises no spec version from <paramref name="since"/> on.</summary>
    /// <param name="since">The first spec version with the rule, e.g. <c>v1.8</c>.</param>
    /// <param name="what">The part of a rule that came with that version, for the reason.</param>
    /// <exception cref="InconclusiveException">The server is older than <paramref name="since"/>.</exception>
    public static void UnlessSpecVersion(string since, string what)
    {
        var advertised = ConformanceRun.Current.AdvertisedVersions;
        if (!SpecVersions.AnyAtLeast(advertised, since))
        {
            throw new InconclusiveException($"{what} came with spec {since}; the server advertises only {string.Join(", ", advertised)}.");
        }
    }

    private static async Task Unless(Task<string?> probe)
    {
        if (await probe is { } reason)
        {
            throw new InconclusiveException(reason);
        }
    }
}
