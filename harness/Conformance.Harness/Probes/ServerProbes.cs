using System.Text.Json.Nodes;
using Conformance.Harness.Accounts;
using Conformance.Harness.Client;
using Conformance.Harness.OAuth;
using Conformance.Harness.Running;
using Conformance.Harness.Steps;

namespace Conformance.Harness.Probes;

/// <summary>
/// What the server offers, found by asking it once per run and shared by every test, so "not applicable" is a
/// finding about this server, never a guess. Each probe answers with a <see cref="FeatureOffer"/>: offered, or not,
/// with why and the exchange that showed it.
/// </summary>
public sealed class ServerProbes
{
    private readonly Dictionary<Feature, Lazy<Task<FeatureOffer>>> _offers;
    private readonly Lazy<Task<string>> _serverName;
    private readonly bool _givenAccountSet;

    /// <summary>Creates the probes for a run; nothing is sent until a probe is first asked.</summary>
    public ServerProbes(ConformanceRun context)
    {
        _givenAccountSet = context.GivenAccount is not null;
        MatrixClient Client() => new(context, new ExchangeLog());
        // One GET /login answers four probes.
        var loginFlows = new Lazy<Task<MatrixResponse>>(() => Client().GetLoginFlowsAsync());
        // One GET /auth_metadata answers four.
        var metadata = new Lazy<Task<MatrixResponse>>(() => Client().GetAuthMetadataAsync());
        // One POST /register of a fresh username without auth answers two.
        var firstRegistration = new Lazy<Task<MatrixResponse>>(() =>
            Client().PostRegisterAsync(new RegistrationParameters { Username = context.Fake.Localpart(), Password = context.Fake.Password() }.ToJson()));
        _offers = new()
        {
            [Feature.LegacyRegistration] = new(() => ProbeLegacyRegistrationAsync(firstRegistration.Value)),
            [Feature.Registration] = new(() => ProbeRegistrationAsync(firstRegistration.Value)),
            [Feature.Guests] = new(() => ProbeGuestsAsync(Client())),
            [Feature.RefreshTokens] = new(() => ProbeRefreshTokensAsync(Client(), context)),
            [Feature.LoginTokens] = new(() => ProbeLoginTokensAsync(loginFlows.Value)),
            [Feature.LegacyLogin] = new(() => ProbeLegacyLoginAsync(loginFlows.Value)),
            [Feature.PasswordLogin] = new(() => ProbePasswordLoginAsync(loginFlows.Value)),
            [Feature.Deactivation] = new(() => ProbeDeactivationAsync(Client())),
            [Feature.OAuthApi] = new(() => ProbeOAuthApiAsync(metadata.Value)),
            [Feature.PromptCreate] = new(() => ProbePromptCreateAsync(metadata.Value)),
            [Feature.AccountManagement] = new(() => ProbeAccountManagementAsync(metadata.Value)),
            [Feature.DeviceAuthorization] = new(() => ProbeDeviceAuthorizationAsync(metadata.Value)),
            [Feature.OAuthAwareClients] = new(() => ProbeOAuthAwareClientsAsync(loginFlows.Value)),
            [Feature.GivenAccount] = new(() => ProbeGivenAccountAsync(context)),
            [Feature.AppServiceAccounts] = new(() => ProbeAppServiceAccountsAsync(context)),
        };
        _serverName = new(async () => context.ServerName ?? (await Client().SharedAccountAsync()).UserId.ServerName);
    }

    /// <summary>The server name after the colon of this server's user IDs: as configured, else from the run's shared account.</summary>
    public Task<string> ServerNameAsync() => _serverName.Value;

    /// <summary>Whether the server offers <paramref name="feature"/>, probed on first ask.</summary>
    /// <remarks>
    /// Registration: a fresh, valid username sent without <c>auth</c> is answered 401 (UIA) by an open server and 403 by
    /// a closed one (https://spec.matrix.org/v1.19/client-server-api/#post_matrixclientv3register). Legacy login: a
    /// server without it answers GET /login 404 M_UNRECOGNIZED (https://spec.matrix.org/v1.19/client-server-api/#legacy-api).
    /// Password login and get_token: the flows of GET /login are the login types the server supports
    /// (https://spec.matrix.org/v1.19/client-server-api/#get_matrixclientv3login). The OAuth 2.0 API: GET /auth_metadata
    /// answers its server metadata (https://spec.matrix.org/v1.19/client-server-api/#authentication-api-discovery), and prompt=create is offered where its
    /// prompt_values_supported lists it (https://spec.matrix.org/v1.19/client-server-api/#user-registration).
    /// </remarks>
    public Task<FeatureOffer> ProbeAsync(Feature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return _offers[feature].Value;
    }

    /// <summary>What the probe of <paramref name="feature"/> found, when it has run to the end; null otherwise (nothing is sent).</summary>
    public FeatureOffer? Probed(Feature feature) =>
        _offers[feature] is { IsValueCreated: true, Value.IsCompletedSuccessfully: true } probe ? probe.Value.Result : null;

    /// <summary>
    /// What the run found out about the server's optional features, for the report: each probe that ran, as
    /// "offered" or the first line of why not. Probes no test needed are left out rather than run for the report.
    /// </summary>
    public IReadOnlyList<(string Feature, string Finding)> Findings() =>
    [
        .. Feature.All
            .Select(f => (f.Name, Finding: Probed(f)?.Finding ?? UnprobedFinding(f)))
            .Where(f => f.Finding is not null)
            .Select(f => (f.Name, f.Finding!)),
    ];

    /// <summary>What to say of a probe no test needed: only that a given account went unused, so its owner knows why.</summary>
    private string? UnprobedFinding(Feature feature) =>
        feature == Feature.GivenAccount && _givenAccountSet && Probed(Feature.Registration) is { IsOffered: true }
            ? "given, not used: registration is open, so every test registers the accounts it needs"
            : null;

    /// <remarks>
    /// A server that lets accounts be made only through the OAuth 2.0 API (or not at all) answers 404, as the spec
    /// recommends for an API it does not support (M_UNRECOGNIZED): no client could register there, so no rule of
    /// legacy registration has anything to judge. Any other answer counts as offered, so a broken endpoint is judged.
    /// </remarks>
    private static Task<FeatureOffer> ProbeLegacyRegistrationAsync(Task<MatrixResponse> firstRegistration) =>
        AbsentWhere404Async(firstRegistration, "POST /register", "the legacy registration API is not offered");

    private static async Task<FeatureOffer> ProbeRegistrationAsync(Task<MatrixResponse> firstRegistration)
    {
        var response = await firstRegistration;
        // Open registration answers with a UIA challenge (401), or registers at once (200, which UIA checks then fail).
        // Anything else closes registration for this run; REG-FORBIDDEN then checks that the refusal was a 403.
        return response.StatusCode is 401 or 200
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered($"Registration is closed on this server: a fresh, valid username without auth was answered {response.Summary}.", response.Exchange);
    }

    /// <remarks>
    /// A UIA challenge is completed as a client would: guests behind UIA are still offered (GUEST-NO-UIA fails on the
    /// challenge itself, and the other guest checks are blocked by it), while a 403 after it, like a 403 at once, is
    /// how the spec lets a server refuse guests.
    /// </remarks>
    private static async Task<FeatureOffer> ProbeGuestsAsync(MatrixClient client)
    {
        var response = await client.RegisterGuestThroughUiaAsync();
        return response.StatusCode is 200 or 401
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered(
                $"Guest registration is not offered: POST /register?kind=guest, its UIA completed where it asked for one, was answered {response.Summary}.", response.Exchange);
    }

    /// <remarks>
    /// The given account is logged in to with its password, so its probe is its first session; a failed login leaves
    /// it unused, with the answer as the finding (LOGIN-PASSWORD's own test judges password login where it can).
    /// </remarks>
    private static async Task<FeatureOffer> ProbeGivenAccountAsync(ConformanceRun context)
    {
        if (context.GivenAccount is not { } given)
        {
            return FeatureOffer.NotGiven("No account was given (CONFORMANCE_ACCOUNT_USER, CONFORMANCE_ACCOUNT_PASSWORD).");
        }

        if (await context.Probes.ProbeAsync(Feature.PasswordLogin) is { IsOffered: false } noPasswords)
        {
            return noPasswords;
        }

        var (login, _) = await context.OnceAsync(AccountSteps.GivenSession);
        return LoginSession.From(login) is not null
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered($"The given account {given.User} did not log in with its password: it was answered {login.Summary}.", login.Exchange);
    }

    private static async Task<FeatureOffer> ProbeAppServiceAccountsAsync(ConformanceRun context)
    {
        if (context.AppServiceToken is null || context.ExclusiveUsernamePrefix is null)
        {
            return FeatureOffer.NotGiven("No application service was given (CONFORMANCE_APPSERVICE_TOKEN, CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX).");
        }

        var (registration, _) = await context.OnceAsync(AccountSteps.AppServiceMade);
        return LoginSession.From(registration) is not null
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered(
                $"The application service did not register a user with a session in its namespace: it was answered {registration.Summary}.", registration.Exchange);
    }

    private static async Task<FeatureOffer> ProbeRefreshTokensAsync(MatrixClient client, ConformanceRun context)
    {
        if (await context.Probes.ProbeAsync(Feature.Registration) is { IsOffered: false } closed)
        {
            return await ProbeRefreshTokensWithoutRegistrationAsync(client, context, closed);
        }

        var password = context.Fake.Password();
        var outcome = await client.TryRegisterAsync(new RegistrationParameters
        {
            Username = context.Fake.Localpart(), Password = password, RefreshToken = true,
        });
        if (outcome.Account is not { } account)
        {
            return FeatureOffer.NotOffered("A registration to probe refresh-token support did not succeed.", outcome.Refusal!.Exchange);
        }

        if (account.Response.HasField("refresh_token"))
        {
            return FeatureOffer.Offered;
        }

        if (!(await context.Probes.ProbeAsync(Feature.PasswordLogin)).IsOffered)
        {
            return FeatureOffer.NotOffered(
                "Refresh tokens are not offered: registration with refresh_token true returned none (and password login, the other way to ask, is not offered).",
                account.Response.Exchange);
        }

        var login = await client.PostLoginAsync(LoginBodies.Password(account.UserId.Value, password).With(new JsonObject { ["refresh_token"] = true }));
        return login.HasField("refresh_token")
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered(
                $"Refresh tokens are not offered: neither registration nor login with refresh_token true returned one (login answered {login.Summary}).", login.Exchange);
    }

    /// <remarks>Where registration is closed, a session of the given account, or of a user the application service makes, asks for a refresh token.</remarks>
    private static async Task<FeatureOffer> ProbeRefreshTokensWithoutRegistrationAsync(MatrixClient client, ConformanceRun context, FeatureOffer closed)
    {
        if (!(await context.Probes.ProbeAsync(Feature.GivenAccount)).IsOffered && !(await context.Probes.ProbeAsync(Feature.AppServiceAccounts)).IsOffered)
        {
            return closed;
        }

        var account = await client.AccountAsync(AccountUse.OwnSessionsWithoutPassword, new RegistrationParameters { RefreshToken = true });
        return account.Response.HasField("refresh_token")
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered(
                $"Refresh tokens are not offered: a session of {account.UserId} that asked with refresh_token true was answered {account.Response.Summary}, without one.",
                account.Response.Exchange);
    }

    /// <remarks>
    /// Any 404 says the API is not there; its errcode is AUTH-DISCOVERY-LEGACY's to judge (a SHOULD), so a server that
    /// leaves it out gets that one failure, not every legacy-login rule's. Any other answer counts as offered, so a
    /// broken GET /login is judged by the rules for it rather than skipped.
    /// </remarks>
    private static Task<FeatureOffer> ProbeLegacyLoginAsync(Task<MatrixResponse> flows) =>
        AbsentWhere404Async(flows, "GET /login", "the legacy API is not offered (accounts live with an OAuth 2.0 provider, or elsewhere)");

    /// <summary>An API is absent where its endpoint answers 404, whatever the errcode; any other answer offers it, to be judged.</summary>
    private static async Task<FeatureOffer> AbsentWhere404Async(Task<MatrixResponse> answer, string request, string finding)
    {
        var response = await answer;
        return response.StatusCode == 404
            ? FeatureOffer.NotOffered($"{request} was answered {response.Summary}: {finding}.", response.Exchange)
            : FeatureOffer.Offered;
    }

    private static async Task<FeatureOffer> ProbeOAuthAwareClientsAsync(Task<MatrixResponse> flows)
    {
        var response = await flows;
        return HasFlow(response, f => Type(f) == "m.login.sso" && f["oauth_aware_preferred"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered(
                $"OAuth 2.0 aware clients are not claimed: GET /login, answered {response.Summary}, has no m.login.sso flow with oauth_aware_preferred true.", response.Exchange);
    }

    private static async Task<FeatureOffer> ProbePasswordLoginAsync(Task<MatrixResponse> flows)
    {
        var response = await flows;
        return HasFlow(response, f => Type(f) == "m.login.password")
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered($"Password login is not offered: GET /login, answered {response.Summary}, lists no m.login.password flow.", response.Exchange);
    }

    private static async Task<FeatureOffer> ProbeLoginTokensAsync(Task<MatrixResponse> flows)
    {
        var response = await flows;
        return HasFlow(response, f => Type(f) == "m.login.token" && f["get_login_token"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered(
                $"get_token is not offered: GET /login, answered {response.Summary}, advertises no m.login.token flow with get_login_token true.", response.Exchange);
    }

    /// <remarks>Sent without a token or auth, so it can deactivate nothing: a server with the endpoint answers 401.</remarks>
    private static async Task<FeatureOffer> ProbeDeactivationAsync(MatrixClient client)
    {
        var response = await client.PostAccountDeactivateAsync(null, new JsonObject());
        return response.StatusCode is 404 or 405 && response.ErrCode == "M_UNRECOGNIZED"
            ? FeatureOffer.NotOffered($"Account deactivation is not offered: POST /account/deactivate was answered {response.Summary}.", response.Exchange)
            : FeatureOffer.Offered;
    }

    private static async Task<FeatureOffer> ProbeOAuthApiAsync(Task<MatrixResponse> metadata)
    {
        var response = await metadata;
        // The metadata is a JSON object; a 200 with a body that is not one offers nothing a client could use.
        return response.StatusCode == 200 && response.Body is not null
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered($"The OAuth 2.0 API is not offered: GET /auth_metadata was answered {response.Summary}.", response.Exchange);
    }

    private static async Task<FeatureOffer> ProbePromptCreateAsync(Task<MatrixResponse> metadata)
    {
        var response = await metadata;
        return new ServerMetadata(response).Lists("prompt_values_supported", "create")
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered("Account creation through the OAuth 2.0 API is not advertised: GET /auth_metadata lists no \"create\" in prompt_values_supported.", response.Exchange);
    }

    /// <remarks>Any value counts as advertised, so the check judges a malformed one rather than skipping it.</remarks>
    private static async Task<FeatureOffer> ProbeAccountManagementAsync(Task<MatrixResponse> metadata)
    {
        var response = await metadata;
        return response.HasField("account_management_uri")
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered("No account management URL is advertised: GET /auth_metadata has no account_management_uri.", response.Exchange);
    }

    /// <remarks>Any value counts as advertised; one that is not a URL leaves the device checks not judged, saying so.</remarks>
    private static async Task<FeatureOffer> ProbeDeviceAuthorizationAsync(Task<MatrixResponse> metadata)
    {
        var response = await metadata;
        return response.HasField("device_authorization_endpoint")
            ? FeatureOffer.Offered
            : FeatureOffer.NotOffered("No device authorization endpoint is advertised: GET /auth_metadata has no device_authorization_endpoint.", response.Exchange);
    }

    private static bool HasFlow(MatrixResponse response, Func<JsonNode, bool> matches) =>
        response.StatusCode == 200 && response.Body?["flows"] is JsonArray flows && flows.Any(f => f is not null && matches(f));

    private static string? Type(JsonNode flow) =>
        flow["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? flow["type"]!.GetValue<string>() : null;
}
