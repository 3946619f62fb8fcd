namespace Conformance.Harness.Probes;

/// <summary>
/// The causes that leave tests unjudged, each with what lets the suite judge them. One shared instance per cause, so
/// the reports count every test a cause stopped in one group.
/// </summary>
public static class NotJudgedReasons
{
    private const string Servers = "see SERVERS.md for your server's setting";

    /// <summary>Registration of people is closed.</summary>
    public static readonly NotJudgedReason RegistrationClosed = new("Registration is closed on this server",
        $"open registration on a test server, or set CONFORMANCE_REGISTRATION_TOKEN to a token it accepts ({Servers})");

    /// <summary>Guests cannot register.</summary>
    public static readonly NotJudgedReason GuestsClosed = new("Guest registration is not offered",
        $"allow guest access on a test server ({Servers})");

    /// <summary>GET /login lists no <c>m.login.password</c>.</summary>
    public static readonly NotJudgedReason PasswordLoginOff = new("Password login (m.login.password) is not offered",
        $"enable password login on a test server ({Servers}); tests needing a login, or a user's second token, wait for it");

    /// <summary>A password login the test needed only as a means was refused.</summary>
    public static readonly NotJudgedReason PasswordLoginRefused = new("A password login the test needed was refused",
        "see the password-login tests (LOGIN-PASSWORD), which judge that refusal; this test only needed a second token");

    /// <summary>No refresh tokens.</summary>
    public static readonly NotJudgedReason NoRefreshTokens = new("Refresh tokens are not offered",
        $"enable refresh tokens on a test server ({Servers})");

    /// <summary>No get_token.</summary>
    public static readonly NotJudgedReason NoLoginTokens = new("Login tokens (POST /login/get_token) are not offered",
        $"enable get_token on a test server ({Servers})");

    /// <summary>GET /login is 404 M_UNRECOGNIZED.</summary>
    public static readonly NotJudgedReason NoLegacyLogin = new("This server has no legacy login (/login answers 404 M_UNRECOGNIZED)",
        "nothing on this server: these rules bind servers with legacy login (the OAuth 2.0 API is not checked yet)");

    /// <summary>A UIA challenge offers no flow made of stages the harness can complete.</summary>
    public static readonly NotJudgedReason NoCompletableUiaFlow = new("No offered UIA flow is one the suite can complete",
        "offer a flow of m.login.dummy, m.login.password or m.login.registration_token (with CONFORMANCE_REGISTRATION_TOKEN set)");

    /// <summary>The server refused the request with 403 because registration is closed, before the rule could show.</summary>
    public static readonly NotJudgedReason RefusedWhileRegistrationIsClosed = new("Refused with 403 because registration is closed",
        $"open registration on a test server ({Servers}); the spec documents no other answer for this endpoint on a closed server");

    /// <summary>The server offers the feature whose absence the rule is about.</summary>
    public static readonly NotJudgedReason RuleForServersWithoutTheFeature = new("The rule binds only servers without a feature this one offers",
        "nothing to do: the feature is on here, and the tests of the feature itself judge it");

    /// <summary>The maintainer has not told the suite something only they know (a token, a namespace).</summary>
    public static readonly NotJudgedReason SettingNotGiven = new("A setting the check needs was not given",
        "set the variable the details name (see the README's settings table)");

    /// <summary>The rule is newer than every spec version the server advertises.</summary>
    public static readonly NotJudgedReason OlderSpecVersion = new("The rule is newer than the spec versions the server advertises",
        "nothing to do: a server is held only to the versions it advertises in GET /_matrix/client/versions");

    /// <summary>The server uses a legal option under which the rule has nothing to check.</summary>
    public static readonly NotJudgedReason NothingToCheckUnderServersChoice = new("The server made a legal choice that leaves this rule nothing to check",
        "nothing to do: the details say which choice");

    /// <summary>A token's lifetime does not fit the suite's waiting bound, or was passed while the test waited.</summary>
    public static readonly NotJudgedReason TokenLifetime = new("A token's lifetime does not fit the check",
        "give a test server token lifetimes of at most 15 s for the expiry checks, or raise its rate limits so tests need not wait");
}
