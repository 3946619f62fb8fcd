using System.Text.Json.Nodes;
using Conformance.Harness.Accounts;
using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Assertions.Verdicts;
using Conformance.Harness.Fakes;
using Conformance.Harness.Identifiers;
using Conformance.Harness.OAuth;
using Conformance.Harness.Probes;
using Conformance.Harness.Uia;
using Conformance.Harness.Running;
using Conformance.Harness.Steps;
using NUnit.Framework;

namespace Conformance.Harness.Client;

/// <summary>
/// The client tests use. Endpoint calls are named after the endpoint and never judge the answer; goal helpers are
/// named after the goal and fail (or report "not applicable") when the goal cannot be reached.
/// </summary>
public sealed class MatrixClient(ConformanceRun run, ExchangeLog log)
{
    /// <summary>The user behind <see cref="AppServiceUserAsync"/>: the tests of two fixtures share it, so it lives here.</summary>
    private static readonly OncePerRun<UserId> AppServiceUser = new(client => client.RegisterAppServiceUserAsync());

    /// <summary>The application service's whoami acting as <see cref="AppServiceUser"/>, which the tests of two fixtures read.</summary>
    private static readonly OncePerRun<MatrixResponse> AppServiceUserWhoAmI = new(async client =>
        await client.GetWhoAmIActingAsAsync(client.Require(Setting.AppServiceToken), (await client.AppServiceUserAsync()).Value));

    /// <summary>
    /// whoami with the shared account's token, once per run: whether the server takes an access token in the
    /// Authorization header at all, which every step handing out a token stands on (TOKEN-HEADER judges this answer).
    /// </summary>
    private static readonly OncePerRun<SharedTokenWhoAmI> SharedTokenWhoAmIStep = new(async client =>
    {
        if (await client.UnregisteredSharedAccountAsync() is { } account)
        {
            return new SharedTokenWhoAmI(account.Response, await client.GetWhoAmIAsync(account.AccessToken), account.Origin);
        }

        // The registration is kept with its whoami: the shared account is renewed once half its token's life is gone.
        var (parameters, response) = await client.Run.SharedRegistrationAsync();
        return new SharedTokenWhoAmI(response, await client.GetWhoAmIAsync(AccountFrom(parameters, response).AccessToken), AccountOrigin.Registered);
    });

    /// <summary>
    /// The shared account's password login by full user ID, without a device_id and asking for a refresh token (which a
    /// server without them ignores), once per run: LOGIN-PASSWORD, LOGIN-DEVICE and LOGIN-REFRESH judge parts of the one
    /// answer, and checks of other logins stand on it, so a rate-limited server sees one login.
    /// </summary>
    private static readonly OncePerRun<(RegisteredAccount Account, MatrixResponse Login, long SentAt)> PasswordLogin = new(async client =>
    {
        await client.RequireAsync(Feature.PasswordLogin);
        var account = await client.SharedAccountAsync();
        var sentAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var login = await client.PostLoginAsync(LoginBodies.Password(account.UserId.Value, client.PasswordOf(account)).With(new JsonObject { ["refresh_token"] = true }));
        return (account, login, sentAt);
    });

    /// <summary>
    /// The shared account's get_token through its password UIA, then one without auth at once, once per run: the
    /// shared account asks for one token a run, so Synapse's get_token limit (one a minute per user, counted after UIA)
    /// never holds the run up; the request without auth completes no UIA and is not counted.
    /// </summary>
    private static readonly OncePerRun<SharedLoginToken> SharedGetToken = new(async client =>
    {
        await client.RequireAsync(Feature.LoginTokens);
        var account = await client.SharedAccountAsync();
        var issued = await client.GetLoginTokenAsync(account);
        var issuedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var again = await client.PostGetLoginTokenAsync(account.AccessToken, new JsonObject());
        return new SharedLoginToken(account, issued, issuedAt, again);
    });

    /// <summary>The shared account's password login with a wrong password, once per run: LOGIN-WRONG judges it, and checks of other login refusals stand on it.</summary>
    private static readonly OncePerRun<MatrixResponse> WrongPasswordLogin = new(async client =>
    {
        await client.RequireAsync(Feature.PasswordLogin);
        var account = await client.SharedAccountAsync();
        return await client.LogInWithPasswordAsync(account.UserId.Value, client.PasswordOf(account) + "-wrong");
    });

    /// <summary>The client-server API's v3 path prefix, the one tests write (see <see cref="SendAsync"/>).</summary>
    public const string V3 = "/_matrix/client/v3";

    /// <summary>The OAuth 2.0 API's endpoints, called through this client (its log, its run).</summary>
    public OAuthClient OAuth => _oauth ??= new OAuthClient(this);

    private OAuthClient? _oauth;

    /// <summary>Every exchange this client made.</summary>
    public ExchangeLog Log { get; } = log;

    /// <summary>The run's seeded data generator.</summary>
    public Fake Fake => run.Fake;

    /// <summary>The run this client belongs to, for the requirements a test makes of it (<see cref="Requiring"/>).</summary>
    internal ConformanceRun Run => run;

    /// <summary>One POST /register with <paramref name="body"/> as given, <c>kind</c> in the query when set.</summary>
    public Task<MatrixResponse> PostRegisterAsync(JsonObject body, string? kind = null) =>
        SendAsync(MatrixRequest.Json(HttpMethod.Post, V3 + "/register", body) with { Query = KindQuery(kind) });

    /// <summary>One POST /register with raw bytes as the body, for malformed-input checks.</summary>
    public Task<MatrixResponse> PostRegisterRawAsync(byte[] content, string contentType = "application/json") =>
        SendAsync(new MatrixRequest { Method = HttpMethod.Post, Path = V3 + "/register", Content = content, ContentType = contentType });

    /// <summary>GET /account/whoami with <paramref name="accessToken"/>.</summary>
    public Task<MatrixResponse> GetWhoAmIAsync(string? accessToken) =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/account/whoami", accessToken));

    /// <summary>GET /devices/{deviceId}.</summary>
    public Task<MatrixResponse> GetDeviceAsync(string? accessToken, string deviceId) =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/devices/" + Uri.EscapeDataString(deviceId), accessToken));

    /// <summary>GET /devices.</summary>
    public Task<MatrixResponse> GetDevicesAsync(string? accessToken) =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/devices", accessToken));

    /// <summary>GET /register/available?username=.</summary>
    public Task<MatrixResponse> GetRegisterAvailableAsync(string username) =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/register/available") with { Query = [new("username", username)] });

    /// <summary>GET /_matrix/client/v1/register/m.login.registration_token/validity?token=.</summary>
    public Task<MatrixResponse> GetRegistrationTokenValidityAsync(string token) =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/v1/register/m.login.registration_token/validity") with { Query = [new("token", token)] });

    /// <summary>POST /logout.</summary>
    public Task<MatrixResponse> PostLogoutAsync(string? accessToken) =>
        SendAsync(MatrixRequest.Json(HttpMethod.Post, V3 + "/logout", new JsonObject(), accessToken));

    /// <summary>POST /logout/all.</summary>
    public Task<MatrixResponse> PostLogoutAllAsync(string? accessToken) =>
        SendAsync(MatrixRequest.Json(HttpMethod.Post, V3 + "/logout/all", new JsonObject(), accessToken));

    /// <summary>POST /refresh with <paramref name="refreshToken"/> (no access token).</summary>
    public Task<MatrixResponse> PostRefreshAsync(string refreshToken) =>
        SendAsync(MatrixRequest.Json(HttpMethod.Post, V3 + "/refresh", new JsonObject { ["refresh_token"] = refreshToken }));

    /// <summary>GET /login.</summary>
    public Task<MatrixResponse> GetLoginFlowsAsync() => SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/login"));

    /// <summary>GET /login/sso/redirect with <paramref name="redirectUrl"/> and the OAuth 2.0 aware <paramref name="action"/> (the redirect is not followed).</summary>
    public Task<MatrixResponse> GetSsoRedirectAsync(string redirectUrl, string action) =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Get,
            $"{V3}/login/sso/redirect?redirectUrl={Uri.EscapeDataString(redirectUrl)}&action={Uri.EscapeDataString(action)}"));

    /// <summary>GET /capabilities.</summary>
    public Task<MatrixResponse> GetCapabilitiesAsync(string? accessToken) =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/capabilities", accessToken));

    /// <summary>POST /_matrix/client/v1/login/get_token with <paramref name="body"/> as given.</summary>
    public Task<MatrixResponse> PostGetLoginTokenAsync(string? accessToken, JsonObject body) =>
        SendAsync(MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v1/login/get_token", body, accessToken));

    /// <summary>Any request, for checks of the API standards (unknown endpoints, OPTIONS, methods).</summary>
    public Task<MatrixResponse> SendRawAsync(HttpMethod method, string path, string? accessToken = null) =>
        SendAsync(MatrixRequest.Bodiless(method, path, accessToken));

    /// <summary>POST /logout with no body at all (the API standards say it takes an empty one).</summary>
    public Task<MatrixResponse> PostLogoutWithoutBodyAsync(string? accessToken) =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Post, V3 + "/logout", accessToken));

    /// <summary>POST /logout/all with no body at all.</summary>
    public Task<MatrixResponse> PostLogoutAllWithoutBodyAsync(string? accessToken) =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Post, V3 + "/logout/all", accessToken));

    /// <summary>PUT /devices/{deviceId} with <c>display_name</c>.</summary>
    public Task<MatrixResponse> PutDeviceDisplayNameAsync(string? accessToken, string deviceId, string displayName) =>
        SendAsync(MatrixRequest.Json(HttpMethod.Put, DevicePath(deviceId), new JsonObject { ["display_name"] = displayName }, accessToken));

    /// <summary>DELETE /devices/{deviceId} with <paramref name="body"/>, or an empty JSON object (no <c>auth</c>).</summary>
    public Task<MatrixResponse> DeleteDeviceAsync(string? accessToken, string deviceId, JsonObject? body = null) =>
        SendAsync(MatrixRequest.Json(HttpMethod.Delete, DevicePath(deviceId), body ?? new JsonObject(), accessToken));

    /// <summary>POST /delete_devices with <paramref name="body"/> as given.</summary>
    public Task<MatrixResponse> PostDeleteDevicesAsync(string? accessToken, JsonObject body) =>
        SendAsync(MatrixRequest.Json(HttpMethod.Post, V3 + "/delete_devices", body, accessToken));

    /// <summary>
    /// DELETE /devices/{deviceId} as <paramref name="account"/>, through its UIA with the password (the account's own,
    /// unless <paramref name="password"/> is given); returns the final answer.
    /// </summary>
    /// <exception cref="InconclusiveException">The UIA offers no flow the harness can complete.</exception>
    public Task<MatrixResponse> DeleteDeviceThroughUiaAsync(RegisteredAccount account, string deviceId, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        return PasswordUia(account, password).RunAsync(new JsonObject(), body => DeleteDeviceAsync(account.AccessToken, deviceId, body));
    }

    /// <summary>POST /delete_devices of <paramref name="deviceIds"/> as <paramref name="account"/>, through its UIA with the account's password.</summary>
    /// <exception cref="InconclusiveException">The UIA offers no flow the harness can complete.</exception>
    public Task<MatrixResponse> DeleteDevicesThroughUiaAsync(RegisteredAccount account, params string[] deviceIds)
    {
        ArgumentNullException.ThrowIfNull(account);
        var body = new JsonObject { ["devices"] = new JsonArray([.. deviceIds.Select(id => (JsonNode)id)]) };
        return PasswordUia(account, null).RunAsync(body, next => PostDeleteDevicesAsync(account.AccessToken, next));
    }

    /// <summary>GET /_matrix/client/v1/auth_metadata (the OAuth 2.0 server metadata; no access token).</summary>
    public Task<MatrixResponse> GetAuthMetadataAsync() =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/v1/auth_metadata"));

    /// <summary>POST /account/deactivate with <paramref name="body"/> as given.</summary>
    public Task<MatrixResponse> PostAccountDeactivateAsync(string? accessToken, JsonObject body) =>
        SendAsync(MatrixRequest.Json(HttpMethod.Post, V3 + "/account/deactivate", body, accessToken));

    /// <summary>Deactivates <paramref name="account"/>, completing the UIA with its password; returns the final answer.</summary>
    /// <exception cref="InconclusiveException">The UIA offers no flow the harness can complete (no password stage).</exception>
    public Task<MatrixResponse> DeactivateAsync(RegisteredAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return PasswordUia(account, null).RunAsync(new JsonObject(), body => PostAccountDeactivateAsync(account.AccessToken, body));
    }

    /// <summary>GET /auth/{type}/fallback/web?session= (the UIA fallback page of a stage; it answers HTML, not JSON).</summary>
    public Task<MatrixResponse> GetAuthFallbackAsync(string type, string session) =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/auth/" + Uri.EscapeDataString(type) + "/fallback/web") with { Query = [new("session", session)] });

    /// <summary>
    /// Starts a registration and picks a stage of its offered flows that a client may need the fallback page for: the
    /// first that is not <c>m.login.dummy</c>, which "requires no extra parameters", so no client needs a page for it.
    /// </summary>
    /// <exception cref="InconclusiveException">Registration is closed, or the challenge has no session or no stage but m.login.dummy.</exception>
    public async Task<(string Stage, string Session)> StartRegistrationWithAPagedStageAsync()
    {
        await this.RequireAsync(Feature.Registration);
        var response = await PostRegisterAsync(new RegistrationParameters { Username = run.Fake.Localpart(), Password = run.Fake.Password() }.ToJson());
        var challenge = UiaChallenge.From(response);
        var stage = challenge?.Flows.SelectMany(f => f).FirstOrDefault(s => s != new DummyStage().Type);
        if (challenge?.Session is not { } session || stage is null)
        {
            throw NotJudgedReasons.NothingToCheckUnderServersChoice.Exception(
                $"The registration challenge offers no session with a stage other than m.login.dummy, which needs no fallback page (it was answered {response.Summary}).\n"
                + response.Exchange.Describe());
        }

        return (stage, session);
    }

    /// <summary>
    /// Starts a registration with <paramref name="parameters"/> by POST and completes its UIA, but sends the request that
    /// would complete it, carrying the session's real auth, as OPTIONS; returns that answer.
    /// </summary>
    /// <exception cref="InconclusiveException">
    /// Registration is closed, no offered UIA flow is one the harness can complete, or the first POST asked for no UIA
    /// at all (REG-UIA-401 judges that), so there was no completing request to send.
    /// </exception>
    public async Task<MatrixResponse> SendCompletingRegistrationAsOptionsAsync(RegistrationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await this.RequireAsync(Feature.Registration);
        MatrixResponse? first = null;
        var answer = await run.RegistrationUia.RunAsync(
            parameters.ToJson(), async body => first ??= await PostRegisterAsync(body),
            complete: body => SendAsync(MatrixRequest.Json(HttpMethod.Options, V3 + "/register", body)));
        first!.NeededBy(UiaVerdicts.Challenge(), "REG-UIA-401", "a registration challenge, to complete by OPTIONS");
        return answer;
    }

    /// <summary>
    /// GET /register/available of <paramref name="username"/>, for a check that reads the answer as "no account has this
    /// name": it stands on the server calling a fresh name available (200 with <c>available: true</c>), else the test
    /// is blocked by AVAIL-FREE.
    /// </summary>
    /// <exception cref="InconclusiveException">A fresh name is not called available.</exception>
    public async Task<MatrixResponse> AvailabilityOfAsync(string username)
    {
        (await GetRegisterAvailableAsync(run.Fake.Localpart()))
            .NeededBy(Matchers.All(ResponseMatchers.Status(200), ResponseMatchers.Field("available").Is(true)), "AVAIL-FREE", "a fresh username called available");
        return await GetRegisterAvailableAsync(username);
    }

    /// <summary>POST /register with <c>type: m.login.application_service</c> for <paramref name="username"/>, <paramref name="asToken"/> as the access token.</summary>
    /// <remarks>https://spec.matrix.org/v1.19/application-service-api/#server-admin-style-permissions</remarks>
    /// <param name="asToken">The application service's token, or another (or none) for the checks of a refusal.</param>
    /// <param name="username">The localpart asked for.</param>
    /// <param name="inhibitLogin">Whether the body says <c>inhibit_login: true</c>.</param>
    /// <param name="extras">More body parameters (device ID, display name, refresh_token), or null.</param>
    public Task<MatrixResponse> PostAppServiceRegisterAsync(string? asToken, string username, bool inhibitLogin = false, JsonObject? extras = null)
    {
        var body = new JsonObject { ["type"] = LoginBodies.AppServiceType, ["username"] = username }.With(extras ?? []);
        if (inhibitLogin)
        {
            body["inhibit_login"] = true;
        }

        return SendAsync(MatrixRequest.Json(HttpMethod.Post, V3 + "/register", body, asToken));
    }

    /// <summary>POST /login with <c>m.login.application_service</c> and an <c>m.id.user</c> identifier, <paramref name="asToken"/> as the access token.</summary>
    public Task<MatrixResponse> PostAppServiceLoginAsync(string? asToken, string user, JsonObject? extras = null) =>
        SendAsync(MatrixRequest.Json(HttpMethod.Post, V3 + "/login", LoginBodies.AppService(user).With(extras ?? []), asToken));

    /// <summary>GET /account/whoami with an application service's <paramref name="asToken"/>, acting as <paramref name="userId"/> (the <c>user_id</c> query parameter).</summary>
    /// <remarks>https://spec.matrix.org/v1.19/application-service-api/#identity-assertion</remarks>
    public Task<MatrixResponse> GetWhoAmIActingAsAsync(string asToken, string userId) =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/account/whoami", asToken) with { Query = ActingAs(userId) });

    /// <summary>PUT /devices/{deviceId} with <c>display_name</c>, by an application service acting as <paramref name="userId"/>.</summary>
    public Task<MatrixResponse> PutDeviceActingAsAsync(string asToken, string userId, string deviceId, string displayName) =>
        SendAsync(MatrixRequest.Json(HttpMethod.Put, DevicePath(deviceId), new JsonObject { ["display_name"] = displayName }, asToken) with { Query = ActingAs(userId) });

    /// <summary>GET /devices/{deviceId}, by an application service acting as <paramref name="userId"/>.</summary>
    public Task<MatrixResponse> GetDeviceActingAsAsync(string asToken, string userId, string deviceId) =>
        SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, DevicePath(deviceId), asToken) with { Query = ActingAs(userId) });

    /// <summary>
    /// The first 429 the run was answered with, whichever test met it (added to this client's log, so the report shows
    /// what was judged); when there was none yet, the first 429 to <paramref name="probe"/>, sent up to
    /// <paramref name="attempts"/> times without waiting out 429s. Other tests of the probe's family still back off.
    /// </summary>
    /// <exception cref="InconclusiveException">No 429 came back: the server did not rate-limit within the bound.</exception>
    public async Task<MatrixResponse> FirstRateLimitedAnswerAsync(MatrixRequest probe, int attempts)
    {
        ArgumentNullException.ThrowIfNull(probe);
        MatrixResponse? last = null;
        for (var i = 0; i < attempts; i++)
        {
            if (run.Transport.FirstRateLimitedAnswer is { } seen)
            {
                Log.Add(seen.Exchange);
                return seen;
            }

            last = await SendAsync(probe with { RetryRateLimits = false });
            if (last.StatusCode == 429)
            {
                return last;
            }
        }

        throw NotJudgedReasons.NoRateLimitSeen.Exception(
            $"No request of the run had been answered 429, and {attempts} quick {probe.Method} {probe.Path} requests were not either "
            + $"(the last got {last?.Summary}), so the server's rate-limit answer could not be seen.");
    }

    /// <summary>One request exactly as built by the test, 429s included when it opts out of waiting.</summary>
    /// <remarks>
    /// Tests write client-server paths as <c>/_matrix/client/v3/...</c>; a server that advertises only r0 versions
    /// gets the same request on its <c>/_matrix/client/r0/...</c> path, as a real client would send it.
    /// </remarks>
    public Task<MatrixResponse> SendAsync(MatrixRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (run.ClientApiPrefix != V3 && request.Path.StartsWith(V3 + "/", StringComparison.Ordinal))
        {
            request = request with { Path = run.ClientApiPrefix + request.Path[V3.Length..] };
        }

        return run.Transport.SendAsync(request, Log);
    }

    /// <summary>POST /login with <paramref name="body"/> as given.</summary>
    /// <remarks>Every session it opens is noted, so the run can end those it made on a given account.</remarks>
    public async Task<MatrixResponse> PostLoginAsync(JsonObject body)
    {
        var login = await SendAsync(MatrixRequest.Json(HttpMethod.Post, V3 + "/login", body));
        run.GivenSessions.Note(login);
        return login;
    }

    /// <summary>POST /login with <c>m.login.password</c> and an <c>m.id.user</c> identifier.</summary>
    public Task<MatrixResponse> LogInWithPasswordAsync(string user, string password) => PostLoginAsync(LoginBodies.Password(user, password));

    /// <summary>POST /login with <c>m.login.token</c>.</summary>
    public Task<MatrixResponse> LogInWithLoginTokenAsync(string token) =>
        PostLoginAsync(new JsonObject { ["type"] = "m.login.token", ["token"] = token });

    /// <summary>Runs get_token through its password UIA as <paramref name="account"/>; returns the final answer.</summary>
    /// <param name="account">The account asking for a token.</param>
    /// <param name="password">The password the stage sends instead of the account's, to fail the stage.</param>
    public Task<MatrixResponse> GetLoginTokenAsync(RegisteredAccount account, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        return PasswordUia(account, password).RunAsync(new JsonObject(), body => PostGetLoginTokenAsync(account.AccessToken, body));
    }

    /// <summary>POST /register?kind=guest with <paramref name="body"/> as given.</summary>
    public Task<MatrixResponse> RegisterGuestAsync(JsonObject? body = null) => PostRegisterAsync(body ?? new JsonObject(), "guest");

    /// <summary>
    /// POST /register?kind=guest as a client would: a UIA challenge (which guests should never get) is completed with
    /// the run's registration stages; returns the final answer.
    /// </summary>
    /// <exception cref="InconclusiveException">The challenge offers no flow the harness can complete.</exception>
    public Task<MatrixResponse> RegisterGuestThroughUiaAsync() => run.RegistrationUia.RunAsync(new JsonObject(), body => PostRegisterAsync(body, "guest"));

    /// <summary>Attempts a registration, completing UIA; returns the account or the refusing response.</summary>
    /// <param name="parameters">The registration's body parameters.</param>
    /// <param name="throughStage">A stage the completed flow must contain, when the test is about that stage.</param>
    /// <param name="kind">The <c>kind</c> query parameter, when the test sends one.</param>
    /// <exception cref="InconclusiveException">Registration is closed, or no offered UIA flow is one the harness can complete.</exception>
    public async Task<RegistrationOutcome> TryRegisterAsync(RegistrationParameters parameters, string? throughStage = null, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await this.RequireAsync(Feature.Registration);
        var response = await run.RegistrationUia.RunAsync(parameters.ToJson(), body => PostRegisterAsync(body, kind), throughStage);
        if (response.StatusCode != 200)
        {
            return new RegistrationOutcome(null, response);
        }

        var userId = response.StringField("user_id")
            ?? throw Blocked.Step("REG-RESPONSE-REQUIRED", "a registration", "a registration 200 to carry a string user_id", $"it has none: the server answered {response.Summary}", response.Exchange);
        return new RegistrationOutcome(
            new RegisteredAccount(
                new UserId(userId), parameters.Password, response.StringField("access_token"), response.StringField("device_id"), response, parameters.Username),
            null);
    }

    /// <summary>
    /// The step "a fresh account": registers one with a generated username and password unless the parameters say
    /// otherwise. A refusal, or an answer without what a registration must return, blocks the test
    /// (REG-RESPONSE-REQUIRED judges that answer); it never fails it.
    /// </summary>
    /// <exception cref="InconclusiveException">Registration is closed, no offered flow can be completed, or the step was refused.</exception>
    public async Task<RegisteredAccount> RegisterAsync(RegistrationParameters? parameters = null)
    {
        var (asked, response) = await RegisterUncheckedAsync(parameters ?? new RegistrationParameters());
        var account = AccountFrom(asked, response);
        if (account.AccessToken is not null)
        {
            await TokensAreAcceptedAsync();
        }

        return account;
    }

    /// <summary>
    /// GET /account/whoami with <paramref name="accessToken"/>, for a test that compares what it names: a 200 without a
    /// string <c>user_id</c> and <c>device_id</c> blocks the test on WHOAMI-FIELDS, whose own test judges that answer.
    /// </summary>
    /// <exception cref="InconclusiveException">whoami answered 200 without the fields.</exception>
    public async Task<MatrixResponse> WhoAmIAsync(string? accessToken) => (await GetWhoAmIAsync(accessToken)).NamingUserAndDevice();

    /// <summary>
    /// The step a check of how a token is taken or refused stands on: the server reads an access token from the
    /// Authorization header at all (whoami with the shared account's token answers 200), else the test is blocked by
    /// TOKEN-HEADER. On a server with registration closed and no account given or made, there is no token to try this
    /// with, and the step is skipped.
    /// </summary>
    /// <exception cref="InconclusiveException">The server does not take the shared account's token.</exception>
    public async Task AccessTokensAreReadAsync()
    {
        foreach (var source in AccountSteps.Sources)
        {
            if ((await run.Probes.ProbeAsync(source)).IsOffered)
            {
                await TokensAreAcceptedAsync();
                return;
            }
        }
    }

    /// <summary>The run's one password login with a wrong password, unchecked: for the test that judges it (LOGIN-WRONG).</summary>
    /// <exception cref="InconclusiveException">Password login is not offered, or registration is closed.</exception>
    public Task<MatrixResponse> WrongPasswordLoginAsync() => OnceAsync(WrongPasswordLogin);

    /// <summary>The run's one password login of the shared account, unchecked, with when it was sent: for the tests that judge it.</summary>
    /// <exception cref="InconclusiveException">Password login is not offered, or registration is closed.</exception>
    public Task<(RegisteredAccount Account, MatrixResponse Login, long SentAt)> SharedPasswordLoginAsync() => OnceAsync(PasswordLogin);

    /// <summary>
    /// The step a check of another account's login stands on: the shared account's password login logs in, so a
    /// refused login says something about that other account, not about password login at all. Otherwise the test is
    /// blocked by LOGIN-PASSWORD.
    /// </summary>
    /// <exception cref="InconclusiveException">The shared account's password login did not log in.</exception>
    public async Task PasswordLoginsWorkAsync() => (await SharedPasswordLoginAsync()).Login.AsPasswordLogin();

    /// <summary>
    /// The step a check of another refused login stands on: the server refuses a wrong password with 403, as login.yaml
    /// documents, so a refusal's status says what the server thinks of the login, not how it refuses logins at all.
    /// Otherwise the test is blocked by LOGIN-WRONG.
    /// </summary>
    /// <exception cref="InconclusiveException">A wrong password was not refused with 403.</exception>
    public async Task LoginRefusalsAre403Async() =>
        (await WrongPasswordLoginAsync()).NeededBy(ResponseMatchers.Status(403), "LOGIN-WRONG", "a login refusal of a wrong password");

    /// <summary>
    /// The registration of the run's shared account and whoami with its token, once per run, unchecked: for the tests
    /// that judge them (TOKEN-HEADER, REG-TOKEN-DEVICE).
    /// </summary>
    public Task<SharedTokenWhoAmI> SharedTokenWhoAmIAsync() => OnceAsync(SharedTokenWhoAmIStep);

    /// <summary>
    /// <see cref="SharedTokenWhoAmIAsync"/> where the shared account's token came from a registration (the suite's, or
    /// the application service's), for the test that judges what a registration returns; a login to a given account
    /// is no registration.
    /// </summary>
    /// <exception cref="InconclusiveException">The shared account is the given one: registration is closed.</exception>
    public async Task<SharedTokenWhoAmI> SharedRegistrationWhoAmIAsync()
    {
        var shared = await SharedTokenWhoAmIAsync();
        await this.RequireOriginAsync(shared.Origin, AccountOrigin.Registered, AccountOrigin.AppService);
        return shared;
    }

    /// <summary>
    /// The step every token a test is handed stands on: the server accepts an access token in the Authorization
    /// header (whoami with the shared account's answers 200); otherwise the test is blocked by TOKEN-HEADER.
    /// </summary>
    /// <remarks>
    /// It also checks the token names the device the registration returned, where whoami names one: tests that delete
    /// or log out a device, or log in to it again, stand on that (REG-TOKEN-DEVICE judges it).
    /// </remarks>
    internal async Task TokensAreAcceptedAsync()
    {
        var (answered, whoAmI, origin) = await SharedTokenWhoAmIAsync();
        var whoami = whoAmI.NeededBy(ResponseMatchers.Status(200), "TOKEN-HEADER", "an access token the server accepts in the Authorization header");
        var registered = answered.StringField("device_id");
        if (whoami.StringField("device_id") is { } named && named != registered)
        {
            throw Blocked.Step(origin == AccountOrigin.Given ? "LOGIN-DEVICE" : "REG-TOKEN-DEVICE", "an access token bound to the device its registration or login returned",
                $"whoami to name the device {registered}", $"it names {named}", whoami.Exchange);
        }
    }

    /// <summary>
    /// A registration with <paramref name="parameters"/>, a fresh username and password where they give none, through
    /// the run's UIA: what it asked for and the final answer, unchecked.
    /// </summary>
    /// <exception cref="InconclusiveException">Registration is closed, or no offered flow can be completed.</exception>
    internal async Task<(RegistrationParameters Asked, MatrixResponse Response)> RegisterUncheckedAsync(RegistrationParameters parameters)
    {
        await this.RequireAsync(Feature.Registration);
        var asked = parameters with
        {
            Username = parameters.Username ?? run.Fake.Localpart(),
            Password = parameters.Password ?? run.Fake.Password(),
        };
        return (asked, await run.RegistrationUia.RunAsync(asked.ToJson(), body => PostRegisterAsync(body)));
    }

    /// <summary>
    /// The account a registration with <paramref name="parameters"/> answered with <paramref name="response"/> made,
    /// once the answer has what the test needs: 200 with <c>user_id</c>, and <c>access_token</c> and <c>device_id</c>
    /// unless login was inhibited. Anything less blocks the test on REG-RESPONSE-REQUIRED.
    /// </summary>
    /// <exception cref="InconclusiveException">The answer lacks what the step needs.</exception>
    internal static RegisteredAccount AccountFrom(RegistrationParameters parameters, MatrixResponse response)
    {
        const string Step = "a fresh account";
        var needed = parameters.InhibitLogin == true ? RegistrationVerdicts.Answered() : RegistrationVerdicts.AnsweredWithSession();
        response.NeededBy(needed, "REG-RESPONSE-REQUIRED", Step);
        var account = new RegisteredAccount(
            new UserId(response.StringField("user_id")!), parameters.Password, response.StringField("access_token"), response.StringField("device_id"), response, parameters.Username);
        // Tests that register a name ask for it again (taken, available, retried): they need the name they asked for.
        if (parameters.Username is { } username && RegistrationVerdicts.Localpart(username).Match(account) is { } other)
        {
            throw Blocked.Step("REG-USERNAME-BASIS", Step, other.Expected, other.Actual, response.Exchange);
        }

        return account;
    }

    /// <summary>
    /// A second session of <paramref name="account"/> (a new device), by password login (the only way the spec gives a
    /// person a second token), or by the application service's login for a user it made. The login is a means here, so its refusal is no verdict on the test's rule.
    /// </summary>
    /// <param name="account">The account to log in to.</param>
    /// <param name="withRefreshToken">Whether the login asks for a refresh token.</param>
    /// <param name="deviceId">The <c>device_id</c> the login names, or null to have the server generate one.</param>
    /// <param name="displayName">The <c>initial_device_display_name</c> the login sends, or null for none.</param>
    /// <exception cref="InconclusiveException">Password login is not offered, or it refused the account.</exception>
    public async Task<LoginSession> LogInAgainAsync(RegisteredAccount account, bool withRefreshToken = false, string? deviceId = null, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var byAppService = account.Origin == AccountOrigin.AppService;
        if (!byAppService)
        {
            await this.RequireAsync(Feature.PasswordLogin);
        }

        var body = new JsonObject();
        if (withRefreshToken)
        {
            body["refresh_token"] = true;
        }

        if (deviceId is not null)
        {
            body["device_id"] = deviceId;
        }

        if (displayName is not null)
        {
            body["initial_device_display_name"] = displayName;
        }

        var login = byAppService
            ? await PostAppServiceLoginAsync(this.Require(Setting.AppServiceToken), account.UserId.Value, body)
            : await PostLoginAsync(LoginBodies.Password(account.UserId.Value, this.PasswordOf(account)).With(body));
        login.NeededBy(LoginVerdicts.Session(), byAppService ? "AS-LOGIN" : "LOGIN-PASSWORD", "a second login of the account");
        if (deviceId is not null)
        {
            login.NeededBy(ResponseMatchers.Field("device_id").Is(deviceId), "LOGIN-DEVICE", $"a login to the device {deviceId}");
        }

        await TokensAreAcceptedAsync();
        return LoginSession.From(login)!;
    }

    /// <summary>
    /// A fresh account's session with a refresh token: from registration with <c>refresh_token: true</c>, else from a
    /// password login asking for one (so servers that hand them out only at login are judged too).
    /// </summary>
    /// <exception cref="InconclusiveException">Refresh tokens are not offered, or registration is closed.</exception>
    public async Task<LoginSession> RefreshableSessionAsync()
    {
        await this.RequireAsync(Feature.RefreshTokens);
        var account = await this.AccountAsync(AccountUse.OwnSessionsWithoutPassword, new RegistrationParameters { RefreshToken = true });
        if (LoginSession.From(account.Response) is { RefreshToken: not null } registered)
        {
            return registered;
        }

        var login = await LogInAgainAsync(account, withRefreshToken: true);
        if (login.RefreshToken is null)
        {
            throw Blocked.Step("LOGIN-REFRESH", "a session with a refresh token",
                "a server that offers refresh tokens to return one when registration or login asks with refresh_token: true",
                "neither did", account.Response.Exchange, login.Response.Exchange);
        }

        return login;
    }

    /// <summary>The result of a step this run's tests share (see <see cref="OncePerRun{T}"/>), its exchanges recorded in this test's log.</summary>
    public async Task<T> OnceAsync<T>(OncePerRun<T> step)
    {
        var (value, madeBy) = await run.OnceAsync(step);
        foreach (var exchange in madeBy.Log.Exchanges)
        {
            Log.Add(exchange);
        }

        foreach (var origin in madeBy.AccountOrigins)
        {
            NoteOrigin(origin);
        }

        return value;
    }

    /// <summary>
    /// The run's one get_token of the shared account, completing the password UIA, and the get_token without auth sent
    /// right after it, unchecked: for the tests that judge them (LTOKEN-RESPONSE, LTOKEN-DISCOVERY, LTOKEN-UIA's
    /// re-prompt) and the one that uses the token (LTOKEN-LOGIN).
    /// </summary>
    /// <exception cref="InconclusiveException">get_token is not offered, or its UIA offers no flow the harness can complete.</exception>
    public Task<SharedLoginToken> SharedLoginTokenAsync() => OnceAsync(SharedGetToken);

    /// <summary>The run's shared account's login token (see <see cref="SharedLoginTokenAsync"/>), blocked by LTOKEN-RESPONSE when none came.</summary>
    /// <exception cref="InconclusiveException">get_token is not offered, its UIA cannot be completed, or it issued no token.</exception>
    public async Task<IssuedLoginToken> IssueLoginTokenAsync()
    {
        var shared = await SharedLoginTokenAsync();
        return IssuedFrom(shared.Account, shared.Issued, shared.IssuedAt);
    }

    /// <summary>
    /// A login token of a fresh account, for a test that must not share one: each account asks get_token once, so a
    /// server that limits get_token per user (Synapse: one a minute, counted after UIA) never makes the run wait.
    /// </summary>
    /// <exception cref="InconclusiveException">get_token is not offered, its UIA cannot be completed, or it issued no token.</exception>
    public async Task<IssuedLoginToken> IssueFreshLoginTokenAsync()
    {
        await this.RequireAsync(Feature.LoginTokens);
        var account = await this.AccountAsync(AccountUse.OwnSessions);
        var response = await GetLoginTokenAsync(account);
        return IssuedFrom(account, response, System.Diagnostics.Stopwatch.GetTimestamp());
    }

    private static IssuedLoginToken IssuedFrom(RegisteredAccount account, MatrixResponse response, long issuedAt)
    {
        response.NeededBy(Matchers.All(ResponseMatchers.Status(200), ResponseMatchers.Field("login_token").IsNonEmptyString()), "LTOKEN-RESPONSE", "a login token from get_token");
        return new IssuedLoginToken(account, response.StringField("login_token")!, response.IntegerField("expires_in_ms"), issuedAt);
    }

    /// <summary>Logs in with <paramref name="issued"/>; a refusal that came after the token's announced lifetime is no verdict.</summary>
    /// <exception cref="InconclusiveException">The token was refused after its lifetime had passed (the test had to wait).</exception>
    public async Task<MatrixResponse> LogInBeforeExpiryAsync(IssuedLoginToken issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var login = await LogInWithLoginTokenAsync(issued.Token);
        Expiry.NoVerdictIfUsedAfterExpiry(login, issued.LifetimeMs, issued.IssuedAt, "login token");
        return login;
    }

    /// <summary>How this run completes registration stage <paramref name="type"/>, or null when it cannot.</summary>
    public IUiaStage? RegistrationStage(string type) => run.RegistrationUia.StageFor(type);

    /// <summary>
    /// A user the run's application service registered in its namespace, once per run and with <c>inhibit_login</c>
    /// (so servers without legacy login take it too), for tests that act as it or log in as it; fails the test when
    /// the server refuses the registration.
    /// </summary>
    /// <exception cref="InconclusiveException">
    /// No application service token or namespace is known for this server, or it refused with 403 while registration is closed.
    /// </exception>
    public Task<UserId> AppServiceUserAsync() => OnceAsync(AppServiceUser);

    /// <summary>
    /// GET /devices with <paramref name="login"/>'s token, once the list includes that token's own device: what a check
    /// of which other devices are listed stands on (DEVICES-LIST judges a list without it).
    /// </summary>
    /// <exception cref="InconclusiveException">The list leaves out the device of the token that asked.</exception>
    public async Task<MatrixResponse> DevicesListingItsOwnAsync(LoginSession login)
    {
        ArgumentNullException.ThrowIfNull(login);
        var devices = await GetDevicesAsync(login.AccessToken);
        return devices.NeededBy(DeviceVerdicts.Lists(login.DeviceId), "DEVICES-LIST", "the device list, with the device of the token that asks");
    }

    /// <summary>GET /account/whoami by the run's application service acting as <see cref="AppServiceUserAsync"/>'s user, once per run.</summary>
    public Task<MatrixResponse> WhoAmIActingAsTheAppServiceUserAsync() => OnceAsync(AppServiceUserWhoAmI);

    /// <summary>
    /// <see cref="AppServiceUserAsync"/>'s user, once whoami acting as it answered it: what a check of the
    /// application service acting as someone stands on (AS-MASQUERADE judges that answer itself).
    /// </summary>
    /// <exception cref="InconclusiveException">The server did not let the application service act as its own user.</exception>
    public async Task<UserId> AppServiceUserItCanActAsAsync()
    {
        var user = await AppServiceUserAsync();
        var whoAmI = await WhoAmIActingAsTheAppServiceUserAsync();
        whoAmI.NeededBy(Matchers.All(ResponseMatchers.Status(200), ResponseMatchers.Field("user_id").Is(user.Value)),
            "AS-MASQUERADE", $"the application service acting as its user {user.Value}");
        return user;
    }

    private async Task<UserId> RegisterAppServiceUserAsync()
    {
        var asToken = this.Require(Setting.AppServiceToken);
        var username = this.Require(Setting.ExclusiveUsernamePrefix) + run.Fake.Localpart();
        var response = await PostAppServiceRegisterAsync(asToken, username, inhibitLogin: true);
        await this.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(response);
        // Without legacy login the registration with inhibit_login is AS-REGISTER-NO-LEGACY's own rule.
        var rule = (await run.Probes.ProbeAsync(Feature.LegacyLogin)).IsOffered ? "AS-REGISTER" : "AS-REGISTER-NO-LEGACY";
        response.NeededBy(RegistrationVerdicts.Answered(), rule, "a user the application service registered in its namespace, with inhibit_login");
        return new UserId(response.StringField("user_id")!);
    }

    /// <summary>
    /// The step "the run's shared account", for a test that only reads an account (see
    /// <see cref="ConformanceRun.SharedRegistrationAsync"/>); blocked by REG-RESPONSE-REQUIRED when its registration
    /// did not give what an account needs.
    /// </summary>
    /// <exception cref="InconclusiveException">Registration is closed, no offered flow can be completed, or the registration lacked what the step needs.</exception>
    public async Task<RegisteredAccount> SharedAccountAsync()
    {
        RegisteredAccount account;
        if (await this.UnregisteredSharedAccountAsync() is { } other)
        {
            account = other;
        }
        else
        {
            var (parameters, response) = await run.SharedRegistrationAsync();
            account = AccountFrom(parameters, response);
        }

        await TokensAreAcceptedAsync();
        return account;
    }

    /// <summary>
    /// POST /register of a user in the application service's namespace with a session, as the application service
    /// API lets it register users where registration of people is closed; <paramref name="extras"/> are added to the body.
    /// </summary>
    /// <exception cref="InconclusiveException">No application service token or namespace was given.</exception>
    internal Task<MatrixResponse> RegisterAppServiceAccountAsync(JsonObject extras) =>
        PostAppServiceRegisterAsync(this.Require(Setting.AppServiceToken), this.Require(Setting.ExclusiveUsernamePrefix) + run.Fake.Localpart(), extras: extras);

    /// <summary>The origins of the accounts this test stood on that the suite did not register, for the report.</summary>
    internal IReadOnlyCollection<AccountOrigin> AccountOrigins
    {
        get
        {
            lock (_origins)
            {
                return [.. _origins];
            }
        }
    }

    private readonly HashSet<AccountOrigin> _origins = [];

    /// <summary>Notes where <paramref name="account"/> came from, for the report, and hands it on.</summary>
    internal RegisteredAccount Noted(RegisteredAccount account)
    {
        NoteOrigin(account.Origin);
        return account;
    }

    private void NoteOrigin(AccountOrigin origin)
    {
        if (origin != AccountOrigin.Registered)
        {
            lock (_origins)
            {
                _origins.Add(origin);
            }
        }
    }

    /// <summary>
    /// <see cref="SharedAccountAsync"/> where a registration made it (the suite's, or the application service's), for a
    /// test that judges what a registration gives: the given account is no registration of the run's.
    /// </summary>
    /// <exception cref="InconclusiveException">The shared account is the given one: registration is closed.</exception>
    public async Task<RegisteredAccount> SharedRegisteredAccountAsync()
    {
        var account = await SharedAccountAsync();
        await this.RequireOriginAsync(account.Origin, AccountOrigin.Registered, AccountOrigin.AppService);
        return account;
    }

    /// <summary>The registration of the run's shared account, what it asked for and the answer, unchecked: for the tests that judge that answer.</summary>
    /// <exception cref="InconclusiveException">Registration is closed, or no offered flow can be completed.</exception>
    public Task<(RegistrationParameters Parameters, MatrixResponse Response)> SharedRegistrationAsync() => run.SharedRegistrationAsync();

    /// <summary>
    /// The step "the device read back": GET /devices/{deviceId} with <paramref name="accessToken"/>, once it answers 200
    /// with that device; anything else blocks the test on DEVICES-GET, whose own test judges the answer.
    /// </summary>
    /// <exception cref="InconclusiveException">The device could not be read.</exception>
    public async Task<MatrixResponse> DeviceAsync(string? accessToken, string deviceId) => (await GetDeviceAsync(accessToken, deviceId)).AsDevice(deviceId);

    private static string DevicePath(string deviceId) => V3 + "/devices/" + Uri.EscapeDataString(deviceId);

    /// <summary>A password UIA as <paramref name="account"/>, its stage sending <paramref name="password"/>, else the account's own.</summary>
    private UiaDriver PasswordUia(RegisteredAccount account, string? password) =>
        new([new PasswordStage(account.UserId.Value, password ?? this.PasswordOf(account))]);

    /// <summary>The query parameter by which an application service names the user it acts as.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> ActingAs(string userId) => [new("user_id", userId)];

    private static IReadOnlyList<KeyValuePair<string, string>> KindQuery(string? kind) =>
        kind is null ? [] : [new("kind", kind)];
}
