using System.Reflection;

namespace Conformance.Harness.Probes;

/// <summary>
/// The causes that leave tests unjudged, each with what lets the suite judge them. One shared instance per cause, so
/// the reports count every test a cause stopped in one group.
/// </summary>
public static class NotJudgedReasons
{
    private const string Servers = "see SERVERS.md for your server's setting";
    private const string RateLimitOpening = "A rate limit on ";
    private const string RateLimitClosing = " outlasts the harness's patience";

    /// <summary>Registration of people is closed.</summary>
    public static readonly NotJudgedReason RegistrationClosed = Shared(NotJudgedKind.FeatureOff, "Registration is closed on this server",
        $"open registration on a test server, or set CONFORMANCE_REGISTRATION_TOKEN to a token it accepts ({Servers}); "
        + "these tests judge registration itself, or need an account of their own: one they log out everywhere, deactivate, or give a password of their choosing");

    /// <summary>A test that needs an account (not a new one) on a server whose registration is closed, with no account given and no appservice to make one.</summary>
    public static readonly NotJudgedReason NoAccount = Shared(NotJudgedKind.FeatureOff, "Needs an account: registration is closed and none was given",
        "set CONFORMANCE_ACCOUNT_USER and CONFORMANCE_ACCOUNT_PASSWORD to an account of the server, or CONFORMANCE_APPSERVICE_TOKEN and "
        + "CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX for users its application service makes (README, \"Servers with registration closed\")");

    /// <summary>A test that logs in with a password or answers a password UIA, where registration is closed and no account was given.</summary>
    public static readonly NotJudgedReason NoAccountWithPassword = Shared(NotJudgedKind.FeatureOff, "Needs an account with a password: registration is closed and none was given",
        "set CONFORMANCE_ACCOUNT_USER and CONFORMANCE_ACCOUNT_PASSWORD to an account of the server (README, \"Servers with registration closed\"); "
        + "users an application service makes have no password");

    /// <summary>A test that needs two users, or a user outside the application service's namespace, where the accounts at hand cannot be that user.</summary>
    public static readonly NotJudgedReason NoOtherUser = Shared(NotJudgedKind.FeatureOff, "Needs another user: registration is closed and the accounts at hand cannot be it",
        "give both an account (CONFORMANCE_ACCOUNT_USER, CONFORMANCE_ACCOUNT_PASSWORD) and an application service (CONFORMANCE_APPSERVICE_TOKEN), "
        + "or open registration on a test server");

    /// <summary>POST /register is answered 404: there is no legacy registration API.</summary>
    public static readonly NotJudgedReason NoLegacyRegistration = Shared(NotJudgedKind.FeatureOff, "This server has no legacy registration (POST /register answers 404)",
        "nothing on this server: these rules bind servers with the legacy registration API (the OAuth 2.0 API checks judge how it lets people register)");

    /// <summary>Guests cannot register.</summary>
    public static readonly NotJudgedReason GuestsClosed = Shared(NotJudgedKind.FeatureOff, "Guest registration is not offered",
        $"allow guest access on a test server ({Servers})");

    /// <summary>GET /login lists no <c>m.login.password</c>.</summary>
    public static readonly NotJudgedReason PasswordLoginOff = Shared(NotJudgedKind.FeatureOff, "Password login (m.login.password) is not offered",
        $"enable password login on a test server ({Servers}); tests needing a login, or a user's second token, wait for it");

    /// <summary>No refresh tokens.</summary>
    public static readonly NotJudgedReason NoRefreshTokens = Shared(NotJudgedKind.FeatureOff, "Refresh tokens are not offered",
        $"enable refresh tokens on a test server ({Servers})");

    /// <summary>No get_token.</summary>
    public static readonly NotJudgedReason NoLoginTokens = Shared(NotJudgedKind.FeatureOff, "Login tokens (POST /login/get_token) are not offered",
        $"enable get_token on a test server ({Servers})");

    /// <summary>GET /login is 404 M_UNRECOGNIZED.</summary>
    public static readonly NotJudgedReason NoLegacyLogin = Shared(NotJudgedKind.FeatureOff, "This server has no legacy login (GET /login answers 404)",
        "nothing on this server: these rules bind servers with legacy login (the OAuth 2.0 API checks judge how it lets people in)");

    /// <summary>POST /account/deactivate is answered 404 or 405 M_UNRECOGNIZED.</summary>
    public static readonly NotJudgedReason NoDeactivation = Shared(NotJudgedKind.FeatureOff, "Account deactivation (POST /account/deactivate) is not offered",
        "nothing on this server: deactivation is part of the legacy API, which an OAuth 2.0 server leaves to its account management");

    /// <summary>GET /auth_metadata does not answer 200.</summary>
    public static readonly NotJudgedReason NoOAuthApi = Shared(NotJudgedKind.FeatureOff, "The OAuth 2.0 API (GET /auth_metadata) is not offered",
        "nothing on this server: these rules bind servers with the OAuth 2.0 API");

    /// <summary>The OAuth 2.0 server metadata's <c>prompt_values_supported</c> does not list <c>create</c>.</summary>
    public static readonly NotJudgedReason NoPromptCreate = Shared(NotJudgedKind.FeatureOff, "OAuth 2.0 account creation (prompt=create) is not advertised",
        "nothing to do unless your server lets people register: advertise prompt_values_supported [\"create\"] (SERVERS.md, \"OAuth 2.0 API\")");

    /// <summary>The OAuth 2.0 server metadata has no <c>account_management_uri</c>.</summary>
    public static readonly NotJudgedReason NoAccountManagementUri = Shared(NotJudgedKind.FeatureOff, "The OAuth 2.0 metadata advertises no account management URL",
        "nothing to do unless your server supports OAuth 2.0 aware clients, which SHOULD advertise account_management_uri (v1.18)");

    /// <summary>No <c>m.login.sso</c> flow of GET /login is marked <c>oauth_aware_preferred: true</c>.</summary>
    public static readonly NotJudgedReason NotOAuthAware = Shared(NotJudgedKind.FeatureOff, "This server does not claim support for OAuth 2.0 aware clients",
        "nothing on this server: these rules bind servers whose m.login.sso flow says oauth_aware_preferred: true (v1.18)");

    /// <summary>The OAuth 2.0 server metadata has no <c>device_authorization_endpoint</c>.</summary>
    public static readonly NotJudgedReason NoDeviceAuthorization = Shared(NotJudgedKind.FeatureOff, "The OAuth 2.0 metadata advertises no device authorization endpoint",
        "nothing on this server: these rules bind servers that offer RFC 8628's device authorization grant (device_authorization_endpoint)");

    /// <summary>A UIA challenge offers no flow made of stages the harness can complete.</summary>
    public static readonly NotJudgedReason NoCompletableUiaFlow = Shared(NotJudgedKind.NoUsableUiaFlow, "No offered UIA flow is one the suite can complete",
        "offer a flow of m.login.dummy, m.login.password or m.login.registration_token (with CONFORMANCE_REGISTRATION_TOKEN set)");

    /// <summary>The server refused the request with 403 because registration is closed, before the rule could show.</summary>
    public static readonly NotJudgedReason RefusedWhileRegistrationIsClosed = Shared(NotJudgedKind.FeatureOff, "Refused with 403 because registration is closed",
        $"open registration on a test server ({Servers}); the spec documents no other answer for this endpoint on a closed server");

    /// <summary>The server offers the feature whose absence the rule is about.</summary>
    public static readonly NotJudgedReason RuleForServersWithoutTheFeature = Shared(NotJudgedKind.FeatureOn, "The rule binds only servers without a feature this one offers",
        "nothing to do: the feature is on here, and the tests of the feature itself judge it");

    /// <summary>The maintainer has not told the suite something only they know (a token, a namespace).</summary>
    public static readonly NotJudgedReason SettingNotGiven = Shared(NotJudgedKind.SettingMissing, "A setting the check needs was not given",
        "set the variable the details name (see the README's settings table)");

    /// <summary>The rule is newer than every spec version the server advertises.</summary>
    public static readonly NotJudgedReason OlderSpecVersion = Shared(NotJudgedKind.OlderSpec, "The rule is newer than the spec versions the server advertises",
        "nothing to do: a server is held only to the versions it advertises in GET /_matrix/client/versions");

    /// <summary>The server uses a legal option under which the rule has nothing to check.</summary>
    public static readonly NotJudgedReason NothingToCheckUnderServersChoice = Shared(NotJudgedKind.ServersChoice, "The server made a legal choice that leaves this rule nothing to check",
        "nothing to do: the details say which choice");

    /// <summary>A token's lifetime does not fit the suite's waiting bound, or was passed while the test waited.</summary>
    public static readonly NotJudgedReason TokenLifetime = Shared(NotJudgedKind.TokenLifetime, "A token's lifetime does not fit the check",
        "give a test server token lifetimes of at most 15 s for the expiry checks, or raise its rate limits so tests need not wait");

    /// <summary>A request timed out after an earlier request, of another test, had got no answer either.</summary>
    public static readonly NotJudgedReason ServerStalled = Shared(NotJudgedKind.ServerStalled, "The server stalled after an earlier request got no answer",
        "see the test of the earlier request, which fails on its time-out; run this test alone (--filter) to judge it on a server that is not stalled");

    /// <summary>No request of the run was answered 429, so the rate-limit answer could not be seen.</summary>
    public static readonly NotJudgedReason NoRateLimitSeen = Shared(NotJudgedKind.NoRateLimitSeen, "The server answered no request with 429",
        "Give the server a low limit on an endpoint the probe reaches, e.g. Synapse's rc_registration_token_validity (SERVERS.md, \"Rate limits\")");

    /// <summary>Every shared reason's kind by its group, so that a reason read back from its message keeps its kind.</summary>
    /// <remarks>Declared after the reasons: static fields are set in the order they are written.</remarks>
    private static readonly Dictionary<string, NotJudgedKind> KindByGroup = typeof(NotJudgedReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetValue(null))
        .OfType<NotJudgedReason>()
        .ToDictionary(r => r.Group, r => r.Kind, StringComparer.Ordinal);

    /// <summary>A rate limit on one endpoint family that outlasts the harness's patience; each family is a group of its own.</summary>
    /// <param name="family">The endpoint family the limit is on, e.g. <c>login</c>.</param>
    /// <param name="remedy">The patience that would wait it out, or the server's limits to raise instead.</param>
    public static NotJudgedReason RateLimitOutlasted(string family, string remedy) => Shared(NotJudgedKind.RateLimited, RateLimitOpening + family + RateLimitClosing, remedy);

    /// <summary>The kind of the reason with this group: a shared reason's own, rate-limited for any family's rate limit, else other.</summary>
    internal static NotJudgedKind KindOf(string group) =>
        KindByGroup.TryGetValue(group, out var kind) ? kind
        : Steps.Blocked.RuleOf(group) is { } rule ? NotJudgedKind.BlockedBy(rule)
        : group.StartsWith(RateLimitOpening, StringComparison.Ordinal) && group.EndsWith(RateLimitClosing, StringComparison.Ordinal) ? NotJudgedKind.RateLimited
        : NotJudgedKind.Other;

    private static NotJudgedReason Shared(NotJudgedKind kind, string group, string remedy) => new(group, remedy) { Kind = kind };
}
