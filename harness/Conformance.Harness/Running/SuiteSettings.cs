using System.Globalization;

namespace Conformance.Harness.Running;

/// <summary>
/// The suite's knobs. Each comes from an environment variable, else a runsettings TestRunParameter, else a default.
/// The names are an interface: CI files depend on them.
/// </summary>
public sealed record SuiteSettings
{
    /// <summary>Environment variable naming the server under test.</summary>
    public const string HomeserverUrlVariable = "CONFORMANCE_HOMESERVER_URL";

    /// <summary>Environment variable giving the longest 429 the harness waits out, in seconds.</summary>
    public const string RateLimitPatienceVariable = "CONFORMANCE_RATE_LIMIT_PATIENCE_S";

    /// <summary>Environment variable giving the registration token (a secret).</summary>
    public const string RegistrationTokenVariable = "CONFORMANCE_REGISTRATION_TOKEN";

    /// <summary>Environment variable giving the appservice's <c>as_token</c> (a secret).</summary>
    public const string AppServiceTokenVariable = "CONFORMANCE_APPSERVICE_TOKEN";

    /// <summary>Environment variable naming an existing account the suite may log in to (a user ID or localpart).</summary>
    public const string AccountUserVariable = "CONFORMANCE_ACCOUNT_USER";

    /// <summary>Environment variable giving that account's password (a secret).</summary>
    public const string AccountPasswordVariable = "CONFORMANCE_ACCOUNT_PASSWORD";

    /// <summary>The server under test, or null for the embedded reference homeserver.</summary>
    public Uri? HomeserverUrl { get; init; }

    /// <summary>The server name in the server's user IDs, or null to learn it from the first registration that needs it.</summary>
    public string? ServerName { get; init; }

    /// <summary>A registration token for servers that require one, or null.</summary>
    public string? RegistrationToken { get; init; }

    /// <summary>The start of localparts an application service holds exclusively on the server, or null.</summary>
    public string? ExclusiveUsernamePrefix { get; init; }

    /// <summary>The <c>as_token</c> of an application service on the server (a secret: never printed), or null.</summary>
    public string? AppServiceToken { get; init; }

    /// <summary>
    /// An existing account the suite logs in to where registration is closed (its user, and its password, a secret),
    /// or null. The suite ends only the sessions it made on it.
    /// </summary>
    public GivenAccount? GivenAccount { get; init; }

    /// <summary>Where the Allure results go, or null for <c>reports/allure-results</c>.</summary>
    public string? ResultsFolder { get; init; }

    /// <summary>The seed for generated data; random unless given, and printed either way.</summary>
    public int Seed { get; init; }

    /// <summary>The known-failures file, or null when every failure counts.</summary>
    public string? KnownFailuresFile { get; init; }

    /// <summary>Whether a listed test that passes fails the run (<c>fail</c>, the default) or is only flagged (<c>warn</c>).</summary>
    public bool FixedKnownFailuresFailRun { get; init; } = true;

    /// <summary>How long one request may take, headers and whole body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the whole run may send requests; then every request fails at once.</summary>
    public TimeSpan RunBudget { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The longest single 429 the harness waits out; one request may wait three times this in all (the defaults: 60 s
    /// and 180 s). A longer wait makes the test Inconclusive.
    /// </summary>
    public TimeSpan RateLimitPatience { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Reads the settings: each from <paramref name="environment"/> when set there, else from <paramref name="parameter"/>.</summary>
    /// <param name="parameter">A runsettings TestRunParameter by name, or null.</param>
    /// <param name="environment">An environment variable by name, or null.</param>
    /// <exception cref="ArgumentException">A value is malformed; the message names it.</exception>
    public static SuiteSettings Read(Func<string, string?> parameter, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(environment);
        string? Value(string variable, string name) => ValueOf(variable, name, parameter, environment);
        int? Number(string variable, string name) => NumberOf(variable, name, parameter, environment);
        var url = Value(HomeserverUrlVariable, "HomeserverUrl");
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException($"The homeserver URL '{url}' is not an absolute http(s) URL");
        }

        var accountUser = Value(AccountUserVariable, "AccountUser");
        var accountPassword = Value(AccountPasswordVariable, "AccountPassword");
        if ((accountUser is null) != (accountPassword is null))
        {
            throw new ArgumentException($"{AccountUserVariable} and {AccountPasswordVariable} name one account: give both or neither");
        }

        return new SuiteSettings
        {
            GivenAccount = accountUser is null ? null : new GivenAccount(accountUser, accountPassword!),
            HomeserverUrl = url is null ? null : new Uri(url),
            ServerName = Value("CONFORMANCE_SERVER_NAME", "ServerName"),
            RegistrationToken = Value(RegistrationTokenVariable, "RegistrationToken"),
            AppServiceToken = Value(AppServiceTokenVariable, "AppServiceToken"),
            ResultsFolder = Value("CONFORMANCE_RESULTS_DIR", "AllureResultsDirectory"),
            ExclusiveUsernamePrefix = Value("CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX", "ExclusiveUsernamePrefix"),
            Seed = Number("CONFORMANCE_SEED", "Seed") ?? Random.Shared.Next(1, int.MaxValue),
            KnownFailuresFile = Value("CONFORMANCE_KNOWN_FAILURES", "KnownFailures"),
            FixedKnownFailuresFailRun = Value("CONFORMANCE_KNOWN_FAILURES_FIXED", "KnownFailuresFixed") switch
            {
                null or "fail" => true,
                "warn" => false,
                var other => throw new ArgumentException($"CONFORMANCE_KNOWN_FAILURES_FIXED (or runsettings KnownFailuresFixed) must be 'fail' or 'warn', not '{other}'"),
            },
            RequestTimeout = TimeSpan.FromSeconds(Number("CONFORMANCE_REQUEST_TIMEOUT_S", "RequestTimeoutSeconds") ?? 30),
            RunBudget = TimeSpan.FromSeconds(Number("CONFORMANCE_RUN_BUDGET_S", "RunBudgetSeconds") ?? 1800),
            RateLimitPatience = TimeSpan.FromSeconds(Number(RateLimitPatienceVariable, "RateLimitPatienceSeconds") ?? 60),
        };
    }

    private static string? ValueOf(string variable, string name, Func<string, string?> parameter, Func<string, string?> environment)
    {
        var value = environment(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            value = parameter(name);
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static int? NumberOf(string variable, string parameter, Func<string, string?> parameters, Func<string, string?> environment)
    {
        var value = ValueOf(variable, parameter, parameters, environment);
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{variable} (or runsettings {parameter}) must be a positive whole number, not '{value}'");
    }
}
