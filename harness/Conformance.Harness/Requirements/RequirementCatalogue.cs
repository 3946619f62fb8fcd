using static Conformance.Harness.Requirements.RequirementLevel;

namespace Conformance.Harness.Requirements;

/// <summary>Every requirement the suite knows, by id. Ids are stable: reports, filters and known-failure lists use them.</summary>
public static class RequirementCatalogue
{
    private const string Register = "post_matrixclientv3register";
    private const string Guest = "guest-access";
    private const string Available = "get_matrixclientv3registeravailable";
    private const string TokenAuth = "token-authenticated-registration";
    private const string GetLogin = "get_matrixclientv3login";
    private const string PostLogin = "post_matrixclientv3login";
    private const string GetToken = "post_matrixclientv1loginget_token";
    private const string Refresh = "post_matrixclientv3refresh";

    private static readonly Requirement[] All =
    [
        // Registration
        new("REG-UIA-401", Must, false, Areas.Uia, "Registration", Register, null,
            "A kind=user registration without auth is answered 401 with flows (each with a stages array), and session/params where the server uses them, even when the only flow is m.login.dummy."),
        new("REG-UIA-SESSION", Must, false, Areas.Uia, "User-interactive authentication", "user-interactive-authentication-api", null,
            "Once a session was issued, auth must carry it; stages complete in order; retrying a completed stage gives 401 with completed, or the API result."),
        new("REG-CHECKS-BEFORE-UIA", Must, false, Areas.Uia, "Registration", Register, null,
            "M_USER_IN_USE, M_INVALID_USERNAME and M_EXCLUSIVE are returned on the first, unauthenticated request, before UIA."),
        new("REG-DEVICE-GEN", Must, false, Areas.Registration, "Registration", Register, null,
            "When no device_id is given, the server generates one and returns it."),
        new("REG-DEVICE-ECHO", Must, true, Areas.Registration, "Registration", Register, null,
            "When a device_id is given, the response's device_id equals it."),
        new("REG-TOKEN-DEVICE", Must, false, Areas.Registration, "Registration", Register, null,
            "The returned access token belongs to the returned device: whoami with it gives the same user_id and device_id."),
        new("REG-DISPLAYNAME", Must, true, Areas.Registration, "Registration", Register, null,
            "initial_device_display_name becomes the new device's display_name."),
        new("REG-USERNAME-BASIS", Should, false, Areas.Usernames, "Registration", Register, null,
            "The user ID is based on the username when one is given."),
        new("REG-USERNAME-MAP-OR-REJECT", Must, false, Areas.Usernames, "Registration", Register, null,
            "A username that does not fit the grammar is either mapped to a valid user ID in a logical manner or rejected with 400 M_INVALID_USERNAME."),
        new("REG-USERNAME-GEN", Must, false, Areas.Usernames, "Registration", Register, null,
            "When no username is given, the server generates the localpart."),
        new("REG-USERID-GRAMMAR", Must, false, Areas.Usernames, "User identifiers", "appendices/#user-identifiers", null,
            "Every user_id the server returns is @localpart:server_name with a non-empty localpart of a-z 0-9 . _ = - / + only, and at most 255 bytes in all."),
        new("REG-IN-USE", Must, false, Areas.Registration, "Registration", Register, null,
            "Registering a username that is taken is refused with 400 M_USER_IN_USE."),
        new("REG-INHIBIT", Must, true, Areas.Registration, "Registration", Register, null,
            "With inhibit_login true, the response has user_id but no access_token, device_id, refresh_token or expires_in_ms, and the account exists."),
        new("REG-RESPONSE-REQUIRED", Must, true, Areas.Registration, "Registration", Register, null,
            "A 200 always has user_id; with inhibit_login false it also has access_token and device_id."),
        new("REG-REFRESH", Must, true, Areas.RefreshTokens, "Registration", Register, "v1.3",
            "With refresh_token true, a server that supports refresh tokens returns a refresh_token; without it, none is returned."),
        new("REG-KIND-INVALID", Must, true, Areas.Registration, "Registration", Register, null,
            "kind is user or guest; any other kind is a 400."),
        new("REG-FORBIDDEN", Must, true, Areas.Registration, "Registration", Register, null,
            "Registration, or the kind asked for, that is not allowed is refused with 403 M_FORBIDDEN."),
        new("REG-NOT-JSON", Must, false, Areas.Registration, "Common error codes", "common-error-codes", null,
            "A body that is not valid JSON or not UTF-8 is refused with 400 M_NOT_JSON; valid JSON of the wrong shape with 400 M_BAD_JSON."),
        new("REG-AS-INHIBIT", Must, false, Areas.Registration, "Registration", Register, "v1.17",
            "Appservice registration without inhibit_login true on a server without legacy login is refused with 400 M_APPSERVICE_LOGIN_UNSUPPORTED."),

        // Guests
        new("GUEST-NO-UIA", Must, true, Areas.Guests, "Guest access", Guest, null,
            "Guest registration does not use UIA: a plain request succeeds, or is refused with 403 if guests are not allowed."),
        new("GUEST-IGNORE-BODY", Must, false, Areas.Guests, "Guest access", Register, null,
            "Guest registration ignores every body parameter except initial_device_display_name."),
        new("GUEST-DEVICE-PICK", Must, false, Areas.Guests, "Guest access", Register, null,
            "For guests the server picks the device_id; a supplied device_id is not used."),
        new("GUEST-DISPLAYNAME", Must, true, Areas.Guests, "Guest access", Register, null,
            "initial_device_display_name is honoured for guests."),
        new("GUEST-WHOAMI", Must, true, Areas.Guests, "Guest access", "get_matrixclientv3accountwhoami", "v1.2",
            "whoami with a guest token returns is_guest true; for a normal user is_guest is absent or false."),
        new("GUEST-FORBIDDEN", Must, true, Areas.Guests, "Guest access", Register, null,
            "A server that disallows guests answers guest registration with 403 M_FORBIDDEN."),
        new("GUEST-UPGRADE", Must, true, Areas.Guests, "Guest access", Guest, null,
            "A guest upgrades by registering with guest_access_token and its own localpart and keeps its user ID; a guest cannot upgrade another guest's account."),

        // Availability
        new("AVAIL-FREE", Must, true, Areas.Availability, "Registration", Available, "r0.4.0",
            "A free, valid username is answered 200 {\"available\": true}."),
        new("AVAIL-TAKEN", Must, true, Areas.Availability, "Registration", Available, "r0.4.0",
            "A taken username is answered 400 M_USER_IN_USE."),
        new("AVAIL-INVALID", Must, true, Areas.Availability, "Registration", Available, "r0.4.0",
            "An invalid username is answered 400 M_INVALID_USERNAME; a name reserved by an appservice 400 M_EXCLUSIVE."),
        new("AVAIL-NO-RESERVE", Must, true, Areas.Availability, "Registration", Available, "r0.4.0",
            "Checking availability does not reserve the name, and needs no authentication."),

        // Registration tokens
        new("RTOKEN-FLOW", Must, true, Areas.RegistrationTokens, "Token-authenticated registration", TokenAuth, "v1.2",
            "A server that requires a token offers a flow with the m.login.registration_token stage, completed with {type, token, session}."),
        new("RTOKEN-VALIDITY", Must, true, Areas.RegistrationTokens, "Token-authenticated registration", "get_matrixclientv1registermloginregistration_tokenvalidity", "v1.2",
            "GET .../register/m.login.registration_token/validity answers 200 {\"valid\": bool}: false for an unknown token; 403 M_FORBIDDEN when registration is off."),
        new("RTOKEN-WRONG", Must, true, Areas.RegistrationTokens, "Token-authenticated registration", TokenAuth, "v1.2",
            "A wrong token does not complete the stage (401 with errcode, session kept); a token with a use limit stops working when used up."),

        // Login
        new("LOGIN-FLOWS", Must, true, Areas.Login, "Login", GetLogin, null,
            "GET /login answers 200 with flows, each with a type."),
        new("LOGIN-PASSWORD", Must, true, Areas.Login, "Login", PostLogin, null,
            "m.login.password with an m.id.user identifier (full ID or localpart) answers 200 with access_token, device_id and user_id."),
        new("LOGIN-WRONG", Must, false, Areas.Login, "Login", PostLogin, null,
            "A wrong password or unknown user is refused with 403 M_FORBIDDEN."),
        new("LOGIN-DEVICE", Must, false, Areas.Login, "Login", PostLogin, null,
            "Without device_id the server generates one; a given device_id is echoed; the token is bound to it."),
        // The "must" that names the advertised types came in v1.11 and binds clients; refusing a type the server does
        // not recognise (400, "the login type may not be recognised") is as old as the endpoint.
        new("LOGIN-TYPE-ADVERTISED", Must, true, Areas.Login, "Login", PostLogin, null,
            "The login type must be one GET /login returned; a type the server does not recognise is refused with 400."),
        new("LOGIN-REFRESH", Must, true, Areas.RefreshTokens, "Login", PostLogin, "v1.3",
            "With refresh_token true, a server that supports refresh tokens returns refresh_token; expires_in_ms, when given, is an integer."),

        // Login tokens
        new("LTOKEN-DISCOVERY", Must, true, Areas.LoginTokens, "Login", GetToken, "v1.7",
            "Support for get_token is advertised by the m.login.token flow with get_login_token true; the m.get_login_token capability says per user whether get_token works for them."),
        new("LTOKEN-UIA", Must, false, Areas.LoginTokens, "Login", GetToken, "v1.7",
            "POST /login/get_token is authenticated, uses UIA, and always re-prompts: no grace period from a recent UIA."),
        new("LTOKEN-RESPONSE", Must, true, Areas.LoginTokens, "Login", GetToken, "v1.7",
            "A 200 from get_token has a string login_token and an integer expires_in_ms."),
        new("LTOKEN-LOGIN", Must, true, Areas.LoginTokens, "Login", PostLogin, "v1.7",
            "POST /login with m.login.token and the token logs in as the same user."),
        new("LTOKEN-SINGLE-USE", Must, false, Areas.LoginTokens, "Login", GetToken, "v1.7",
            "A login token is valid for exactly one login; a second use is refused with 403 M_FORBIDDEN."),
        new("LTOKEN-INVALID", Must, false, Areas.LoginTokens, "Login", PostLogin, "v1.7",
            "An invalid or expired login token is refused with 403 M_FORBIDDEN."),
        new("LTOKEN-RATE", Should, false, Areas.LoginTokens, "Login", GetToken, "v1.7",
            "get_token should be rate-limited more strictly than other endpoints."),

        // Refresh tokens
        new("REFRESH-OK", Must, true, Areas.RefreshTokens, "Refreshing access tokens", Refresh, "v1.3",
            "POST /refresh with a refresh_token (no access token needed) answers 200 with a working access_token."),
        new("REFRESH-ROTATE", Must, true, Areas.RefreshTokens, "Refreshing access tokens", "refreshing-access-tokens", "v1.3",
            "When a new refresh token is returned, the old one is revoked once the new access or refresh token is used; it then gives 401 M_UNKNOWN_TOKEN."),
        new("REFRESH-UNKNOWN", Must, true, Areas.RefreshTokens, "Refreshing access tokens", Refresh, "v1.3",
            "An unknown or used refresh token is refused with 401 M_UNKNOWN_TOKEN."),
        new("REFRESH-DEVICE", Must, true, Areas.RefreshTokens, "Refreshing access tokens", "refreshing-access-tokens", "v1.3",
            "Refreshed tokens stay bound to the original device."),
        new("REFRESH-EXPIRY", Must, true, Areas.RefreshTokens, "Soft logout", "soft-logout", "v1.3",
            "An expired access token is refused with 401 M_UNKNOWN_TOKEN, preferably with soft_logout true."),
        new("REFRESH-LOGOUT", Must, true, Areas.RefreshTokens, "Refreshing access tokens", "post_matrixclientv3logout", "v1.3",
            "After /logout both the access token and its refresh token are dead (401 M_UNKNOWN_TOKEN)."),

        // Tokens, whoami, devices, logout
        new("TOKEN-MISSING", Must, true, Areas.DevicesAndLogout, "Client authentication", "using-access-tokens", null,
            "An authenticated endpoint without a token answers 401 M_MISSING_TOKEN; with an unknown token 401 M_UNKNOWN_TOKEN."),
        new("TOKEN-HEADER", Must, false, Areas.DevicesAndLogout, "Client authentication", "using-access-tokens", null,
            "An access token in the Authorization: Bearer header is accepted."),
        new("WHOAMI-FIELDS", Must, true, Areas.DevicesAndLogout, "Client authentication", "get_matrixclientv3accountwhoami", null,
            "whoami answers user_id, device_id when the token has a device, and is_guest (v1.2)."),
        new("LOGOUT-KILLS", Must, true, Areas.DevicesAndLogout, "Login", "post_matrixclientv3logout", null,
            "/logout invalidates the token and deletes its device; /logout/all invalidates every token of the user."),

        // API standards
        new("API-JSON-CT", Must, false, Areas.ApiStandards, "API standards", "api-standards", null,
            "JSON responses carry Content-Type: application/json (parameters such as charset allowed)."),
        new("API-ERROR-SHAPE", Must, false, Areas.ApiStandards, "API standards", "standard-error-response", null,
            "Every error body is a JSON object with a string errcode and a string error."),
        new("API-UNRECOGNIZED", Must, true, Areas.ApiStandards, "API standards", "common-error-codes", "v1.6",
            "An unknown endpoint answers 404 M_UNRECOGNIZED; a known path with a wrong method 405 M_UNRECOGNIZED."),
        new("RATE-429", Should, false, Areas.ApiStandards, "Rate limiting", "rate-limiting", "v1.10",
            "Rate limiting answers 429 M_LIMIT_EXCEEDED and should send Retry-After; retry_after_ms may be sent."),
        new("CORS-OPTIONS", Must, false, Areas.ApiStandards, "Web browser clients", "web-browser-clients", null,
            "OPTIONS on any endpoint is answered without running the endpoint's logic."),
        new("CORS-HEADERS", Should, false, Areas.ApiStandards, "Web browser clients", "web-browser-clients", null,
            "Every response carries Access-Control-Allow-Origin: *, the allowed methods GET, POST, PUT, DELETE, OPTIONS and headers X-Requested-With, Content-Type, Authorization."),
    ];

    private static readonly Dictionary<string, Requirement> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>Every requirement, in catalogue order.</summary>
    public static IReadOnlyList<Requirement> Requirements => All;

    /// <summary>The requirement with this id.</summary>
    /// <exception cref="KeyNotFoundException">No requirement has that id: a typo in a test.</exception>
    public static Requirement Get(string id) =>
        ById.TryGetValue(id, out var requirement) ? requirement : throw new KeyNotFoundException($"No requirement '{id}' in the catalogue");
}
