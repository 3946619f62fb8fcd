using System.Text.Json.Nodes;
using Conformance.Harness.Accounts;
using Conformance.Harness.Client;
using Conformance.Harness.Running;

namespace Conformance.Harness.Probes;

/// <summary>
/// What the server offers, found by asking it once per run and shared by every test, so "not applicable" is a
/// finding about this server, never a guess. Each probe answers null when the feature is there, or the reason
/// (with the exchange that showed it) when it is not.
/// </summary>
public sealed class ServerProbes
{
    private readonly Lazy<Task<string?>> _registrationClosed;
    private readonly Lazy<Task<string?>> _guestsClosed;
    private readonly Lazy<Task<string?>> _noRefreshTokens;
    private readonly Lazy<Task<string?>> _noLoginTokens;
    private readonly Lazy<Task<string?>> _noLegacyLogin;
    private readonly Lazy<Task<string?>> _noPasswordLogin;
    private readonly Lazy<Task<MatrixResponse>> _loginFlows;
    private readonly Lazy<Task<string>> _serverName;

    /// <summary>Creates the probes for a run; nothing is sent until a probe is first asked.</summary>
    public ServerProbes(ConformanceRun context)
    {
        MatrixClient Client() => new(context, new ExchangeLog());
        _registrationClosed = new(() => ProbeRegistrationAsync(Client(), context));
        _guestsClosed = new(() => ProbeGuestsAsync(Client()));
        _noRefreshTokens = new(() => ProbeRefreshTokensAsync(Client(), context));
        // One GET /login answers three probes.
        _loginFlows = new(() => Client().GetLoginFlowsAsync());
        _noLoginTokens = new(() => ProbeLoginTokensAsync(_loginFlows.Value));
        _noLegacyLogin = new(() => ProbeLegacyLoginAsync(_loginFlows.Value));
        _noPasswordLogin = new(() => ProbePasswordLoginAsync(_loginFlows.Value));
        _serverName = new(async () => context.ServerName ?? (await Client().RegisterAsync()).UserId.ServerName);
    }

    /// <summary>The server name after the colon of this server's user IDs: as configured, else from one registration.</summary>
    public Task<string> ServerNameAsync() => _serverName.Value;

    /// <summary>
    /// What the run found out about the server's optional features, for the report: each probe that ran, as
    /// "offered" or the first line of why not. Probes no test needed are left out rather than run for the report.
    /// </summary>
    public IReadOnlyList<(string Feature, string Finding)> Findings() =>
    [
        .. Finding("Registration", _registrationClosed),
        .. Finding("Guest access", _guestsClosed),
        .. Finding("Refresh tokens", _noRefreshTokens),
        .. Finding("Login tokens (get_token)", _noLoginTokens),
        .. Finding("Legacy login (/login)", _noLegacyLogin),
        .. Finding("Password login", _noPasswordLogin),
    ];

    private static IEnumerable<(string, string)> Finding(string feature, Lazy<Task<string?>> probe)
    {
        if (probe.IsValueCreated && probe.Value.IsCompletedSuccessfully)
        {
            yield return (feature, probe.Value.Result is { } reason ? reason.Split('\n', 2)[0] : "offered");
        }
    }

    /// <summary>Why there is no legacy login (GET /login answered 404 M_UNRECOGNIZED), or null when there is.</summary>
    /// <remarks>https://spec.matrix.org/v1.19/client-server-api/#legacy-api: a server without it answers so.</remarks>
    public Task<string?> LegacyLoginMissingReasonAsync() => _noLegacyLogin.Value;

    /// <summary>Why password login is not offered (GET /login lists no <c>m.login.password</c>), or null when it is.</summary>
    /// <remarks>
    /// https://spec.matrix.org/v1.19/client-server-api/#get_matrixclientv3login: the flows are the login types the
    /// server supports; SSO-only servers list none of password.
    /// </remarks>
    public Task<string?> PasswordLoginMissingReasonAsync() => _noPasswordLogin.Value;

    /// <summary>Why registration is closed, or null when it is open.</summary>
    /// <remarks>
    /// A fresh, valid username sent without <c>auth</c> is answered 401 (UIA) by an open server and 403 by a closed
    /// one (https://spec.matrix.org/v1.19/client-server-api/#post_matrixclientv3register).
    /// </remarks>
    public Task<string?> RegistrationClosedReasonAsync() => _registrationClosed.Value;

    /// <summary>Why guests cannot register, or null when a plain guest registration succeeds.</summary>
    public Task<string?> GuestsClosedReasonAsync() => _guestsClosed.Value;

    /// <summary>Why refresh tokens are not offered, or null when registration or login returns one on request.</summary>
    public Task<string?> RefreshTokensMissingReasonAsync() => _noRefreshTokens.Value;

    /// <summary>Why get_token is not offered, or null when GET /login advertises <c>m.login.token</c> with <c>get_login_token</c>.</summary>
    public Task<string?> LoginTokensMissingReasonAsync() => _noLoginTokens.Value;

    private static async Task<string?> ProbeRegistrationAsync(MatrixClient client, ConformanceRun context)
    {
        var body = new RegistrationParameters { Username = context.Fake.Localpart(), Password = context.Fake.Password() }.ToJson();
        var response = await client.PostRegisterAsync(body);
        // Open registration answers with a UIA challenge (401), or registers at once (200, which UIA checks then fail).
        // Anything else closes registration for this run; REG-FORBIDDEN then checks that the refusal was a 403.
        return response.StatusCode is 401 or 200
            ? null
            : $"Registration is closed on this server: a fresh, valid username without auth was answered {response.Summary}.\n" + response.Exchange.Describe();
    }

    private static async Task<string?> ProbeGuestsAsync(MatrixClient client)
    {
        var response = await client.RegisterGuestAsync();
        // 403 is how the spec lets a server refuse guests. A 401 is a UIA challenge: guests are offered, but behind
        // UIA, which the guest checks must get to see (and fail).
        return response.StatusCode is 200 or 401
            ? null
            : $"Guest registration is not offered: POST /register?kind=guest was answered {response.Summary}.\n" + response.Exchange.Describe();
    }

    private static async Task<string?> ProbeRefreshTokensAsync(MatrixClient client, ConformanceRun context)
    {
        if (await context.Probes.RegistrationClosedReasonAsync() is { } closed)
        {
            return closed;
        }

        var password = context.Fake.Password();
        var outcome = await client.TryRegisterAsync(new RegistrationParameters
        {
            Username = context.Fake.Localpart(), Password = password, RefreshToken = true,
        });
        if (outcome.Account is not { } account)
        {
            return "A registration to probe refresh-token support did not succeed.\n" + outcome.Refusal!.Exchange.Describe();
        }

        if (account.Response.HasField("refresh_token"))
        {
            return null;
        }

        if (await context.Probes.PasswordLoginMissingReasonAsync() is not null)
        {
            return "Refresh tokens are not offered: registration with refresh_token true returned none (and password login, the other way to ask, is not offered).\n"
                + account.Response.Exchange.Describe();
        }

        var login = await client.PostLoginAsync(LoginBodies.Password(account.UserId.Value, password).With(new JsonObject { ["refresh_token"] = true }));
        return login.HasField("refresh_token")
            ? null
            : $"Refresh tokens are not offered: neither registration nor login with refresh_token true returned one (login answered {login.Summary}).\n"
                + login.Exchange.Describe();
    }

    private static async Task<string?> ProbeLegacyLoginAsync(Task<MatrixResponse> flows)
    {
        var response = await flows;
        return response.StatusCode == 404 && response.ErrCode == "M_UNRECOGNIZED"
            ? "This server has no legacy login (its accounts live with an OAuth 2.0 provider): GET /login was answered 404 M_UNRECOGNIZED.\n"
                + response.Exchange.Describe()
            : null;
    }

    private static async Task<string?> ProbePasswordLoginAsync(Task<MatrixResponse> flows)
    {
        var response = await flows;
        return HasFlow(response, f => Type(f) == "m.login.password")
            ? null
            : $"Password login is not offered: GET /login, answered {response.Summary}, lists no m.login.password flow.\n" + response.Exchange.Describe();
    }

    private static async Task<string?> ProbeLoginTokensAsync(Task<MatrixResponse> flows)
    {
        var response = await flows;
        return HasFlow(response, f => Type(f) == "m.login.token" && f["get_login_token"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
            ? null
            : $"get_token is not offered: GET /login, answered {response.Summary}, advertises no m.login.token flow with get_login_token true.\n"
                + response.Exchange.Describe();
    }

    private static bool HasFlow(MatrixResponse response, Func<JsonNode, bool> matches) =>
        response.StatusCode == 200 && response.Body?["flows"] is JsonArray flows && flows.Any(f => f is not null && matches(f));

    private static string? Type(JsonNode flow) =>
        flow["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? flow["type"]!.GetValue<string>() : null;
}
