using Conformance.Harness.Client;
using Conformance.Harness.Running;
using NUnit.Framework;

namespace Conformance.Harness.Probes;

/// <summary>Ends a test as Inconclusive, with the probed reason, when the server does not offer what it needs.</summary>
public static class NotApplicable
{
    /// <summary>Inconclusive when the run's probe found registration closed.</summary>
    /// <exception cref="InconclusiveException">Registration is closed.</exception>
    public static Task UnlessRegistrationIsOpenAsync() =>
        Unless(ActiveRun.Current.Probes.RegistrationClosedReasonAsync(), NotJudgedReasons.RegistrationClosed);

    /// <summary>Inconclusive when the server does not let guests register.</summary>
    /// <exception cref="InconclusiveException">Guests cannot register.</exception>
    public static Task UnlessGuestsCanRegisterAsync() => Unless(ActiveRun.Current.Probes.GuestsClosedReasonAsync(), NotJudgedReasons.GuestsClosed);

    /// <summary>Inconclusive when the server does not offer refresh tokens.</summary>
    /// <exception cref="InconclusiveException">No refresh tokens.</exception>
    public static Task UnlessRefreshTokensAreOfferedAsync() =>
        Unless(ActiveRun.Current.Probes.RefreshTokensMissingReasonAsync(), NotJudgedReasons.NoRefreshTokens);

    /// <summary>Inconclusive when the server has no legacy login (GET /login is 404 M_UNRECOGNIZED).</summary>
    /// <exception cref="InconclusiveException">No legacy login.</exception>
    public static Task UnlessLegacyLoginAsync() => Unless(ActiveRun.Current.Probes.LegacyLoginMissingReasonAsync(), NotJudgedReasons.NoLegacyLogin);

    /// <summary>Inconclusive when GET /login lists no <c>m.login.password</c>: a test that logs in with a password, or needs a user's second token.</summary>
    /// <exception cref="InconclusiveException">No password login.</exception>
    public static async Task UnlessPasswordLoginAsync()
    {
        await UnlessLegacyLoginAsync();
        await Unless(ActiveRun.Current.Probes.PasswordLoginMissingReasonAsync(), NotJudgedReasons.PasswordLoginOff);
    }

    /// <summary>
    /// Inconclusive when <paramref name="response"/> is a 403 and registration is closed: on such a server the spec
    /// documents no other answer, so a refusal before the rule could show is no verdict on the rule.
    /// </summary>
    /// <exception cref="InconclusiveException">The server refused because registration is closed.</exception>
    public static async Task UnlessRefusedBecauseRegistrationIsClosedAsync(MatrixResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == 403 && await ActiveRun.Current.Probes.RegistrationClosedReasonAsync() is { } closed)
        {
            throw NotJudgedReasons.RefusedWhileRegistrationIsClosed.Exception(
                $"The server answered {response.Summary}; registration is closed here ({closed.Split('\n', 2)[0]}).\n{response.Exchange.Describe()}");
        }
    }

    /// <summary>Inconclusive unless registration is closed: for the rules that bind servers that do not permit it.</summary>
    /// <exception cref="InconclusiveException">Registration is open.</exception>
    public static async Task UnlessRegistrationIsClosedAsync() => UnlessFeatureIsOff(
        await ActiveRun.Current.Probes.RegistrationClosedReasonAsync(), "Registration is open on this server; the 403 rules bind servers that do not permit it.");

    /// <summary>Inconclusive unless guests are refused: for the rules that bind servers that disallow them.</summary>
    /// <exception cref="InconclusiveException">Guests may register.</exception>
    public static async Task UnlessGuestsAreRefusedAsync() => UnlessFeatureIsOff(
        await ActiveRun.Current.Probes.GuestsClosedReasonAsync(), "This server lets guests register; the 403 rules bind servers that disallow them.");

    /// <summary>Inconclusive when the feature a rule for servers without it is about is on (the probe found no reason it is off).</summary>
    /// <param name="featureOffReason">The probe's answer: null when the feature is offered.</param>
    /// <param name="what">The feature and the rule, for the reason: "guests may register here; the rule binds servers that refuse them".</param>
    /// <exception cref="InconclusiveException">The feature is offered.</exception>
    public static void UnlessFeatureIsOff(string? featureOffReason, string what)
    {
        if (featureOffReason is null)
        {
            throw NotJudgedReasons.RuleForServersWithoutTheFeature.Exception(what);
        }
    }

    /// <summary>The token and namespace of an application service on the server; Inconclusive when either is unknown.</summary>
    /// <exception cref="InconclusiveException">No application service configured.</exception>
    public static (string AsToken, string LocalpartPrefix) AppService() =>
        (ActiveRun.Current.AppServiceToken
            ?? throw NotJudgedReasons.SettingNotGiven.Exception(
                "No application service token is known: set CONFORMANCE_APPSERVICE_TOKEN (and CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX to its namespace)."),
         ExclusiveUsernamePrefix());

    /// <summary>Inconclusive when the server does not offer get_token.</summary>
    /// <exception cref="InconclusiveException">No login tokens.</exception>
    public static Task UnlessLoginTokensAreOfferedAsync() =>
        Unless(ActiveRun.Current.Probes.LoginTokensMissingReasonAsync(), NotJudgedReasons.NoLoginTokens);

    /// <summary>The registration token the run may use; Inconclusive when none is configured.</summary>
    /// <exception cref="InconclusiveException">No token configured.</exception>
    public static string RegistrationToken() => ActiveRun.Current.RegistrationToken
        ?? throw NotJudgedReasons.SettingNotGiven.Exception("No registration token is configured: set CONFORMANCE_REGISTRATION_TOKEN to one the server accepts.");

    /// <summary>The start of localparts an application service holds exclusively; Inconclusive when none is known.</summary>
    /// <exception cref="InconclusiveException">No namespace configured.</exception>
    public static string ExclusiveUsernamePrefix() => ActiveRun.Current.ExclusiveUsernamePrefix
        ?? throw NotJudgedReasons.SettingNotGiven.Exception(
            "No application-service namespace is known: set CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX to the start of localparts an appservice on the server holds exclusively.");

    /// <summary>Inconclusive when the server advertises no spec version from <paramref name="since"/> on.</summary>
    /// <param name="since">The first spec version with the rule, e.g. <c>v1.8</c>.</param>
    /// <param name="what">The part of a rule that came with that version, for the reason.</param>
    /// <exception cref="InconclusiveException">The server is older than <paramref name="since"/>.</exception>
    public static void UnlessSpecVersion(string since, string what)
    {
        var advertised = ActiveRun.Current.AdvertisedVersions;
        if (!SpecVersions.AnyAtLeast(advertised, since))
        {
            throw NotJudgedReasons.OlderSpecVersion.Exception($"{what} came with spec {since}; the server advertises only {string.Join(", ", advertised)}.");
        }
    }

    private static async Task Unless(Task<string?> probe, NotJudgedReason reason)
    {
        if (await probe is { } details)
        {
            throw reason.Exception(details);
        }
    }
}
