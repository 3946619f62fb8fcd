using System.Text.Json.Nodes;
using Conformance.Harness.Accounts;
using Conformance.Harness.Assertions.Verdicts;
using Conformance.Harness.Client;
using Conformance.Harness.Identifiers;
using Conformance.Harness.Probes;
using Conformance.Harness.Running;

namespace Conformance.Harness.Steps;

/// <summary>
/// Where the accounts tests stand on come from. Registration first, as everywhere; where registration is closed, the
/// account the maintainer gave (the suite logs in to it and ends only its own sessions) or users the run's application
/// service makes in its namespace, as far as what the test does to the account allows (<see cref="AccountUse"/>).
/// </summary>
public static class AccountSteps
{
    /// <summary>The device name of every session the suite opens on a given account, so its owner sees whose it is.</summary>
    public const string GivenSessionDisplayName = "Matrix conformance suite (removed when the run ends)";

    /// <summary>Where a test's account may come from, in the order they are tried.</summary>
    internal static readonly Feature[] Sources = [Feature.Registration, Feature.GivenAccount, Feature.AppServiceAccounts];

    /// <summary>The suite's first session of the given account, once per run: its password login, which also probes that the account works.</summary>
    internal static readonly OncePerRun<MatrixResponse> GivenSession = new(client =>
        client.LogInToTheGivenAccountAsync(new JsonObject { ["initial_device_display_name"] = GivenSessionDisplayName }));

    /// <summary>A user the application service registers in its namespace with a session, once per run: the shared account where nothing better is open.</summary>
    internal static readonly OncePerRun<MatrixResponse> AppServiceMade = new(client => client.RegisterAppServiceAccountAsync(new JsonObject()));

    /// <summary>
    /// The run's shared account where registration is closed: the suite's session of the given account, else a user
    /// the application service made; null where registration is open (the shared account is registered).
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">Registration is closed and neither was given or works.</exception>
    internal static async Task<RegisteredAccount?> UnregisteredSharedAccountAsync(this MatrixClient client)
    {
        if (await client.RegistrationIsOpenAsync())
        {
            return null;
        }

        if ((await client.Run.Probes.ProbeAsync(Feature.GivenAccount)).IsOffered)
        {
            return client.Noted(GivenFrom(await client.OnceAsync(GivenSession), client.Run.GivenAccount!));
        }

        if ((await client.Run.Probes.ProbeAsync(Feature.AppServiceAccounts)).IsOffered)
        {
            return client.Noted(AppServiceMadeFrom(await client.OnceAsync(AppServiceMade)));
        }

        throw NotJudgedReasons.NoAccount.Exception(await WhyNoAccountAsync(client));
    }

    /// <summary>
    /// The step "an account this test may use as <paramref name="use"/> says", with a session of its own: a fresh
    /// registration with <paramref name="parameters"/> where registration is open; else a new login to the given
    /// account, or a user the application service makes, each asking for the device ID, display name and refresh token
    /// the parameters name. A test that needs more of a registration (a username, a password, inhibit_login) needs it open.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">No source the use allows is open, or its answer lacks a session.</exception>
    public static async Task<RegisteredAccount> AccountAsync(this MatrixClient client, AccountUse use, RegistrationParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        parameters ??= new RegistrationParameters();
        if (await client.RegistrationIsOpenAsync()
            || parameters.Username is not null || parameters.Password is not null || parameters.InhibitLogin is not null)
        {
            return await client.RegisterAsync(parameters);
        }

        var extras = SessionRequest(parameters);
        if (use != AccountUse.Whole && (await client.Run.Probes.ProbeAsync(Feature.GivenAccount)).IsOffered)
        {
            return await client.WithAcceptedTokensAsync(GivenFrom(await client.LogInToTheGivenAccountAsync(extras), client.Run.GivenAccount!));
        }

        if (use != AccountUse.OwnSessions && (await client.Run.Probes.ProbeAsync(Feature.AppServiceAccounts)).IsOffered)
        {
            return await client.WithAcceptedTokensAsync(AppServiceMadeFrom(await client.RegisterAppServiceAccountAsync(extras)));
        }

        var details = await WhyNoAccountAsync(client);
        throw (use switch
        {
            AccountUse.OwnSessions => NotJudgedReasons.NoAccountWithPassword,
            AccountUse.Whole => NotJudgedReasons.RegistrationClosed,
            _ => NotJudgedReasons.NoAccount,
        }).Exception(use == AccountUse.Whole ? "The test ends every session of its account, which the suite never does to a given account.\n" + details : details);
    }

    /// <summary>
    /// Removes the devices the suite's logins made on the given account, when the run used it: the account is left with
    /// the devices it had. Returns what was done, or null when the run never logged in to a given account.
    /// </summary>
    internal static async Task<string?> EndGivenSessionsAsync(ConformanceRun run)
    {
        if (run.GivenAccount is not { } given || run.Probes.Probed(Feature.GivenAccount) is not { IsOffered: true })
        {
            return null;
        }

        var (login, _) = await run.OnceAsync(GivenSession);
        try
        {
            return await run.GivenSessions.EndAsync(new MatrixClient(run, new ExchangeLog()), GivenFrom(login, given));
        }
        catch (Exception e) when (e is NUnit.Framework.InconclusiveException or TransportException)
        {
            return $"Given account {given.User}: removing the devices the suite made failed ({e.Message.Split('\n')[0]}); remove them by hand.";
        }
    }

    /// <summary>Whether registration is open here, so a test's account can be one the suite registers with what it chose.</summary>
    public static async Task<bool> RegistrationIsOpenAsync(this MatrixClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await client.Run.Probes.ProbeAsync(Feature.Registration)).IsOffered;
    }

    /// <summary>
    /// The step "an account from one of <paramref name="allowed"/>", for a check of what a registration gave (the
    /// suite's, or also the application service's) or of what the suite chose at registration (a password): any
    /// other account leaves the test not judged, registration being closed.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The account came from elsewhere.</exception>
    public static async Task RequireOriginAsync(this MatrixClient client, AccountOrigin origin, params AccountOrigin[] allowed)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!allowed.Contains(origin))
        {
            await client.RequireAsync(Feature.Registration);
        }
    }

    /// <summary>
    /// The step "a user other than <paramref name="owner"/>": <paramref name="candidate"/> where it is one; where
    /// registration is closed, two accounts may be two sessions of the one given account, and then a user the
    /// application service makes, if it can.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">There is no other user at hand.</exception>
    public static async Task<RegisteredAccount> AnotherUserThanAsync(this MatrixClient client, RegisteredAccount owner, RegisteredAccount candidate)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.UserId != owner.UserId)
        {
            return candidate;
        }

        return (await client.Run.Probes.ProbeAsync(Feature.AppServiceAccounts)).IsOffered
            ? await client.WithAcceptedTokensAsync(AppServiceMadeFrom(await client.RegisterAppServiceAccountAsync(new JsonObject())))
            : throw NotJudgedReasons.NoOtherUser.Exception(
                $"The test needs two users; both accounts at hand are {owner.UserId} ({owner.Origin}): registration is closed, and no application service was given to make another.");
    }

    /// <summary>
    /// The step "a user outside the application service's namespace": where registration is closed and no account was
    /// given, the run's shared account is one of the application service's own users.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The account is one the application service made.</exception>
    public static RegisteredAccount OutsideTheNamespace(this RegisteredAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Origin != AccountOrigin.AppService ? account : throw NotJudgedReasons.NoOtherUser.Exception(
            $"The test needs a user outside the application service's namespace; the only account at hand, {account.UserId}, is one the application service made: registration is closed.");
    }

    /// <summary>
    /// The password of <paramref name="account"/>, for a login or a password UIA; an account without one (an
    /// application service's user) leaves the test not judged: for want of a given account, or, where one was given,
    /// because the test does to its account what the suite never does to a given one.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The account has no password.</exception>
    public static string PasswordOf(this MatrixClient client, RegisteredAccount account)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(account);
        var why = $"The account this test stands on, {account.UserId}, was made by the application service and has no password";
        return account.Password ?? throw (client.Run.GivenAccount is null
            ? NotJudgedReasons.NoAccountWithPassword.Exception(why + ": registration is closed and no account was given.")
            : NotJudgedReasons.RegistrationClosed.Exception(why + "; the test ends every session of its account or deactivates it, which the suite never does to the given account."));
    }

    /// <summary><paramref name="account"/>, noted for the report, once the server takes access tokens at all (as a registered account's step checks it).</summary>
    private static async Task<RegisteredAccount> WithAcceptedTokensAsync(this MatrixClient client, RegisteredAccount account)
    {
        await client.TokensAreAcceptedAsync();
        return client.Noted(account);
    }

    /// <summary>A password login to the given account, with <paramref name="extras"/> in its body.</summary>
    private static Task<MatrixResponse> LogInToTheGivenAccountAsync(this MatrixClient client, JsonObject extras)
    {
        var given = client.Run.GivenAccount!;
        return client.PostLoginAsync(LoginBodies.Password(given.User, given.Password).With(extras));
    }

    private static JsonObject SessionRequest(RegistrationParameters parameters)
    {
        var body = new JsonObject { ["initial_device_display_name"] = parameters.InitialDeviceDisplayName ?? GivenSessionDisplayName };
        if (parameters.DeviceId is { } deviceId)
        {
            body["device_id"] = deviceId;
        }

        if (parameters.RefreshToken is { } refresh)
        {
            body["refresh_token"] = refresh;
        }

        return body;
    }

    private static RegisteredAccount GivenFrom(MatrixResponse login, GivenAccount given)
    {
        login.NeededBy(LoginVerdicts.Session(), "LOGIN-PASSWORD", "a session of the given account, by its password login");
        return new RegisteredAccount(new UserId(login.StringField("user_id")!), given.Password, login.StringField("access_token"), login.StringField("device_id"), login)
        {
            Origin = AccountOrigin.Given,
        };
    }

    private static RegisteredAccount AppServiceMadeFrom(MatrixResponse registration)
    {
        registration.NeededBy(RegistrationVerdicts.AnsweredWithSession(), "AS-REGISTER", "a user the application service registered in its namespace, with a session");
        return new RegisteredAccount(new UserId(registration.StringField("user_id")!), null, registration.StringField("access_token"), registration.StringField("device_id"), registration)
        {
            Origin = AccountOrigin.AppService,
        };
    }

    private static async Task<string> WhyNoAccountAsync(MatrixClient client)
    {
        var findings = new List<string>();
        foreach (var feature in Sources)
        {
            findings.Add($"{feature.Name}: {(await client.Run.Probes.ProbeAsync(feature)).Details}");
        }

        return string.Join("\n", findings);
    }
}
