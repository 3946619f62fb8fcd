namespace Conformance.Harness.Probes;

/// <summary>
/// An optional part of the spec a server may leave out. The run's probes find whether this server offers it; a test
/// that needs it says <c>await Client.RequireAsync(Feature.Guests)</c>, a rule that binds servers without it says
/// <c>await Client.RequireAbsentAsync(Feature.Guests)</c>.
/// </summary>
public sealed class Feature
{
    private Feature(string name, NotJudgedReason whenMissing, string whenPresent, Feature? needs = null)
    {
        Name = name;
        WhenMissing = whenMissing;
        WhenPresent = whenPresent;
        Needs = needs;
    }

    /// <summary>
    /// The legacy registration API (<c>POST /register</c>): a server without it (accounts made through the OAuth 2.0
    /// API, or nowhere) answers 404.
    /// </summary>
    public static Feature LegacyRegistration { get; } = new("Legacy registration (POST /register)", NotJudgedReasons.NoLegacyRegistration,
        "This server offers the legacy registration API; the rule binds only servers without it.");

    /// <summary>Registration of people (<c>kind=user</c>): a closed server answers 403.</summary>
    public static Feature Registration { get; } = new("Registration", NotJudgedReasons.RegistrationClosed,
        "Registration is open on this server; the 403 rules bind servers that do not permit it.", needs: LegacyRegistration);

    /// <summary>Guest registration (<c>kind=guest</c>): a server that disallows guests answers 403.</summary>
    public static Feature Guests { get; } = new("Guest access", NotJudgedReasons.GuestsClosed,
        "This server lets guests register; the 403 rules bind servers that disallow them.", needs: LegacyRegistration);

    /// <summary>Refresh tokens, from registration or login with <c>refresh_token: true</c>.</summary>
    public static Feature RefreshTokens { get; } = new("Refresh tokens", NotJudgedReasons.NoRefreshTokens,
        "This server offers refresh tokens; the rule binds only servers without them.");

    /// <summary>Login tokens from <c>POST /login/get_token</c>, advertised in GET /login.</summary>
    public static Feature LoginTokens { get; } = new("Login tokens (get_token)", NotJudgedReasons.NoLoginTokens,
        "This server offers get_token; the rule binds only servers without it.");

    /// <summary>
    /// The legacy login API (<c>/login</c>): a server without it answers GET /login with 404 (M_UNRECOGNIZED, the spec
    /// asks, checked on its own).
    /// </summary>
    public static Feature LegacyLogin { get; } = new("Legacy login (/login)", NotJudgedReasons.NoLegacyLogin,
        "This server offers legacy login (GET /login is not answered 404); the rule binds only servers without it.");

    /// <summary>Password login (<c>m.login.password</c> in GET /login), which needs legacy login.</summary>
    public static Feature PasswordLogin { get; } = new("Password login", NotJudgedReasons.PasswordLoginOff,
        "This server offers password login; the rule binds only servers without it.", needs: LegacyLogin);

    /// <summary>Account deactivation (<c>POST /account/deactivate</c>), part of the legacy API: a server without it answers 404 M_UNRECOGNIZED.</summary>
    public static Feature Deactivation { get; } = new("Account deactivation", NotJudgedReasons.NoDeactivation,
        "This server offers account deactivation; the rule binds only servers without it.");

    /// <summary>The OAuth 2.0 API, found by <c>GET /auth_metadata</c> answering 200 with the server metadata.</summary>
    public static Feature OAuthApi { get; } = new("OAuth 2.0 API", NotJudgedReasons.NoOAuthApi,
        "This server offers the OAuth 2.0 API (GET /auth_metadata answers 200); the rule binds only servers without it.");

    /// <summary>Account creation through the OAuth 2.0 API (<c>prompt=create</c>), advertised in the metadata's <c>prompt_values_supported</c>.</summary>
    public static Feature PromptCreate { get; } = new("OAuth 2.0 account creation (prompt=create)", NotJudgedReasons.NoPromptCreate,
        "This server advertises prompt=create; the rule binds only servers without it.", needs: OAuthApi);

    /// <summary>The account management URL (since v1.18), advertised as the metadata's <c>account_management_uri</c>.</summary>
    public static Feature AccountManagement { get; } = new("OAuth 2.0 account management URL", NotJudgedReasons.NoAccountManagementUri,
        "This server advertises an account management URL; the rule binds only servers without it.", needs: OAuthApi);

    /// <summary>
    /// RFC 8628's device authorization grant, advertised as the metadata's <c>device_authorization_endpoint</c>: not a
    /// grant the spec defines, but one whose metadata field the spec leaves to its RFC (matrix-authentication-service offers it).
    /// </summary>
    public static Feature DeviceAuthorization { get; } = new("OAuth 2.0 device authorization (RFC 8628)", NotJudgedReasons.NoDeviceAuthorization,
        "This server advertises a device authorization endpoint; the rule binds only servers without it.", needs: OAuthApi);

    /// <summary>
    /// Support for OAuth 2.0 aware clients (since v1.18), which a server claims by marking an <c>m.login.sso</c> flow of
    /// GET /login <c>oauth_aware_preferred: true</c>.
    /// </summary>
    public static Feature OAuthAwareClients { get; } = new("OAuth 2.0 aware clients (oauth_aware_preferred)", NotJudgedReasons.NotOAuthAware,
        "This server marks its m.login.sso flow oauth_aware_preferred; the rule binds only servers without it.", needs: LegacyLogin);

    /// <summary>
    /// The account the maintainer gave (<c>CONFORMANCE_ACCOUNT_USER</c>, <c>CONFORMANCE_ACCOUNT_PASSWORD</c>), found by
    /// logging in to it with its password: where registration is closed, the tests that need an account but not a
    /// new one stand on it.
    /// </summary>
    public static Feature GivenAccount { get; } = new("Given account (CONFORMANCE_ACCOUNT_USER)", NotJudgedReasons.NoAccountWithPassword,
        "An account was given and logs in.", needs: PasswordLogin);

    /// <summary>
    /// Users the run's application service registers in its namespace, which the application service API lets it do
    /// where registration of people is closed: found by registering one. They have no password.
    /// </summary>
    public static Feature AppServiceAccounts { get; } = new("Accounts made by the application service", NotJudgedReasons.NoAccount,
        "The application service registers users in its namespace.");

    /// <summary>Every feature, in the order the report lists what the probes found.</summary>
    public static IReadOnlyList<Feature> All { get; } =
        [LegacyRegistration, Registration, Guests, RefreshTokens, LoginTokens, LegacyLogin, PasswordLogin, Deactivation, OAuthApi, PromptCreate, AccountManagement,
            DeviceAuthorization, OAuthAwareClients, GivenAccount, AppServiceAccounts];

    /// <summary>The feature as the report names it: "Guest access".</summary>
    public string Name { get; }

    /// <summary>Why a test that needs the feature is not judged on a server without it.</summary>
    public NotJudgedReason WhenMissing { get; }

    /// <summary>The details of why a rule for servers without the feature is not judged on one that offers it.</summary>
    public string WhenPresent { get; }

    /// <summary>The feature this one cannot be offered without, required first (so its reason is the one given).</summary>
    public Feature? Needs { get; }
}
