using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Harness.Accounts;
using Conformance.Harness.Client;
using Conformance.Harness.Fakes;
using Conformance.Harness.KnownFailures;
using Conformance.Harness.Probes;
using Conformance.Harness.RateLimits;
using Conformance.Harness.Reporting;
using Conformance.Harness.Targets;
using Conformance.Harness.Uia;
using Conformance.Reference.Hosting;
using NUnit.Framework;

namespace Conformance.Harness.Running;

/// <summary>
/// One run of the suite against one server, built from its settings: the target, the transport, the data generator,
/// the UIA stages, the probes, the report and the known failures. Every test's client is handed it; nothing in it is
/// looked up from anywhere else.
/// </summary>
public sealed class ConformanceRun : IAsyncDisposable
{
    private readonly Action<string> _progress;
    private readonly RunFacts _facts;
    private readonly Lock _sharedAccountLock = new();
    private (Task<(RegistrationParameters Parameters, MatrixResponse Response)> Registration, long RegisteredAt)? _sharedAccount;
    private readonly ConcurrentDictionary<object, Lazy<Task<(object? Value, MatrixClient Client)>>> _once = new(ReferenceEqualityComparer.Instance);

    /// <summary>A run over a target already chosen and answering; <see cref="StartAsync"/> is the way in outside the harness's own tests.</summary>
    internal ConformanceRun(
        SuiteSettings settings, HomeserverTarget target, MatrixTransport transport, IReadOnlyList<string> advertisedVersions,
        RunReport report, KnownFailurePolicy? knownFailures, RunFacts facts, Action<string> progress)
    {
        Target = target;
        Transport = transport;
        Fake = new Fake(settings.Seed);
        RegistrationUia = new UiaDriver(settings.RegistrationToken is { } token ? [new DummyStage(), new RegistrationTokenStage(token)] : [new DummyStage()]);
        AdvertisedVersions = advertisedVersions;
        ServerName = settings.ServerName;
        RegistrationToken = settings.RegistrationToken;
        ExclusiveUsernamePrefix = settings.ExclusiveUsernamePrefix;
        AppServiceToken = settings.AppServiceToken;
        GivenAccount = settings.GivenAccount;
        Report = report;
        KnownFailures = knownFailures;
        _facts = facts;
        _progress = progress;
        Probes = new ServerProbes(this);
        // A reproduction reads the settings' secrets from their environment variables.
        transport.Redaction.Declare(settings.RegistrationToken, SuiteSettings.RegistrationTokenVariable);
        transport.Redaction.Declare(settings.AppServiceToken, SuiteSettings.AppServiceTokenVariable);
        transport.Redaction.Declare(settings.GivenAccount?.Password, SuiteSettings.AccountPasswordVariable);
    }

    /// <summary>The server under test.</summary>
    public HomeserverTarget Target { get; }

    /// <summary>The shared HTTP transport (one connection pool, one rate-limit gate, one redaction registry).</summary>
    public MatrixTransport Transport { get; }

    /// <summary>The run's seeded data generator.</summary>
    public Fake Fake { get; }

    /// <summary>Completes registration UIA with the stages this run can satisfy.</summary>
    public UiaDriver RegistrationUia { get; }

    /// <summary>The spec versions the server lists in GET /_matrix/client/versions.</summary>
    public IReadOnlyList<string> AdvertisedVersions { get; }

    /// <summary>
    /// The client-server API path prefix to use: <c>v3</c> when the server advertises any v1.x version, else <c>r0</c>
    /// (a server from before v1.1 knows no v3 paths).
    /// </summary>
    public string ClientApiPrefix => SpecVersions.AnyAtLeast(AdvertisedVersions, "v1.1") ? MatrixClient.V3 : "/_matrix/client/r0";

    /// <summary>The server name the maintainer gave, or null (the probes then learn it from a registration).</summary>
    public string? ServerName { get; }

    /// <summary>A registration token the run may use, or null.</summary>
    public string? RegistrationToken { get; }

    /// <summary>The start of localparts an application service holds exclusively, or null when none is known.</summary>
    public string? ExclusiveUsernamePrefix { get; }

    /// <summary>The <c>as_token</c> of the application service holding that namespace, or null.</summary>
    public string? AppServiceToken { get; }

    /// <summary>The account the maintainer gave for tests that need one but not a new one, or null.</summary>
    public GivenAccount? GivenAccount { get; }

    /// <summary>The sessions the suite made on <see cref="GivenAccount"/>, which it ends when the run finishes.</summary>
    internal GivenAccountSessions GivenSessions { get; } = new();

    /// <summary>What the server offers, probed once per run.</summary>
    public ServerProbes Probes { get; }

    /// <summary>The run's report (Allure results, summary, JUnit XML).</summary>
    public RunReport Report { get; }

    /// <summary>The run's known failures, or null when every failure counts.</summary>
    public KnownFailurePolicy? KnownFailures { get; }

    /// <summary>
    /// Starts a run: chooses the target (the URL in <paramref name="settings"/>, else the embedded reference homeserver),
    /// checks it answers /versions, and prints what was chosen to <paramref name="progress"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The target does not answer /versions as a Matrix server does; the message says how.</exception>
    public static async Task<ConformanceRun> StartAsync(SuiteSettings settings, Action<string> progress, Func<string?>? currentTest = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        var knownFailures = KnownFailuresOf(settings);
        (settings, var target) = await TargetOfAsync(settings, ct);
        var transportSettings = new TransportSettings { RequestTimeout = settings.RequestTimeout, RunBudget = settings.RunBudget }
            .WithRateLimitPatience(settings.RateLimitPatience);
        var transport = new MatrixTransport(target.BaseUrl, transportSettings, new RateLimitGate(TimeProvider.System, progress), progress, currentTest);
        progress($"Conformance target: {target.Describe()}");
        progress($"Data seed: {settings.Seed} (replay with CONFORMANCE_SEED={settings.Seed})");
        if (settings.RateLimitPatience != new SuiteSettings().RateLimitPatience)
        {
            progress(string.Create(CultureInfo.InvariantCulture,
                $"Rate-limit patience: waits out 429s of up to {transportSettings.MaxRateLimitWait.TotalSeconds:0} s, "
                + $"{transportSettings.RateLimitBudget.TotalSeconds:0} s in all per request, within the run budget of {settings.RunBudget.TotalSeconds:0} s"));
        }

        var (versions, serverSoftware) = await AdvertisedVersionsAsync(transport, ct);
        progress($"Advertised spec versions: {string.Join(", ", versions)}");
        if (knownFailures is not null)
        {
            progress($"Known failures: {knownFailures.List.Count} entries from {knownFailures.List.Source}"
                + (knownFailures.FixedFailsRun ? string.Empty : " (a listed test that passes is flagged, not failed)"));
        }

        var report = RunReport.Start(settings.ResultsFolder ?? RunReport.DefaultFolder());
        progress($"Allure results: {report.Folder}");
        var facts = new RunFacts(target.Describe(), serverSoftware, versions, settings.Seed, settings.ServerName);
        return new ConformanceRun(settings, target, transport, versions, report, knownFailures, facts, progress);
    }

    /// <summary>
    /// The server named in <paramref name="settings"/>, else the embedded reference homeserver, started; the settings
    /// are returned with what the embedded server was given (its token, namespace and appservice token).
    /// </summary>
    private static async Task<(SuiteSettings Settings, HomeserverTarget Target)> TargetOfAsync(SuiteSettings settings, CancellationToken ct)
    {
        if (settings.HomeserverUrl is { } url)
        {
            return (settings, HomeserverTarget.Remote(url));
        }

        // The embedded server also accepts a token and holds a namespace the run makes up, so the token and
        // M_EXCLUSIVE checks run against it too.
        settings = settings with
        {
            RegistrationToken = settings.RegistrationToken ?? "conformance-" + RandomNumberGenerator.GetHexString(16, lowercase: true),
            ExclusiveUsernamePrefix = settings.ExclusiveUsernamePrefix ?? "as_" + RandomNumberGenerator.GetHexString(8, lowercase: true) + "_",
            AppServiceToken = settings.AppServiceToken ?? "conformance-as-" + RandomNumberGenerator.GetHexString(16, lowercase: true),
        };
        var target = await HomeserverTarget.StartEmbeddedAsync(
            EmbeddedOptions(settings.RegistrationToken, settings.ExclusiveUsernamePrefix, settings.AppServiceToken), ct);
        return (settings, target);
    }

    /// <summary>
    /// The embedded reference server's settings: it accepts <paramref name="registrationToken"/>, the application
    /// service <paramref name="appServiceToken"/> holds the localparts starting with <paramref name="exclusivePrefix"/>,
    /// and login tokens live 5 s instead of the recommended 120 s, so the expiry check runs instead of waiting.
    /// </summary>
    public static ReferenceHomeserverOptions EmbeddedOptions(string registrationToken, string exclusivePrefix, string appServiceToken) => new()
    {
        RegistrationTokens = [new RegistrationTokenSpec(registrationToken)],
        AppServices = [new AppServiceSpec(appServiceToken, exclusivePrefix)],
        LoginTokenLifetime = TimeSpan.FromSeconds(5),
    };

    /// <summary>
    /// One registration made on first use and shared by every test that only reads an account, so a rate-limited
    /// server sees fewer registrations: its parameters and the server's final answer, unchecked, so the tests of
    /// what a registration answers judge it and every other reader takes it as a step. Its users may log in to the
    /// account, but must never log it out, change its password, or deactivate it; a test that changes an account
    /// registers its own.
    /// </summary>
    /// <remarks>
    /// A server may hand out short-lived access tokens even to clients that did not ask for refresh tokens: once half
    /// the shared account's announced lifetime has passed, the next caller gets a fresh registration, so no reader
    /// gets a token that dies under it.
    /// </remarks>
    /// <exception cref="InconclusiveException">Registration is closed, or no offered flow can be completed.</exception>
    public Task<(RegistrationParameters Parameters, MatrixResponse Response)> SharedRegistrationAsync()
    {
        lock (_sharedAccountLock)
        {
            if (_sharedAccount is not { } shared || HalfItsLifeIsGone(shared.Registration, shared.RegisteredAt))
            {
                _sharedAccount = shared = (new MatrixClient(this, new ExchangeLog()).RegisterUncheckedAsync(new RegistrationParameters()), Stopwatch.GetTimestamp());
            }

            return shared.Registration;
        }
    }

    private static bool HalfItsLifeIsGone(Task<(RegistrationParameters, MatrixResponse Response)> registration, long registeredAt) =>
        registration.IsCompletedSuccessfully && registration.Result.Response.IntegerField("expires_in_ms") is { } lifetimeMs
        && Stopwatch.GetElapsedTime(registeredAt) > TimeSpan.FromMilliseconds(lifetimeMs / 2.0);

    /// <summary>The result of <paramref name="step"/> in this run, made on first use, and the client that made it (its exchanges, the accounts it stood on).</summary>
    public async Task<(T Value, MatrixClient MadeBy)> OnceAsync<T>(OncePerRun<T> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var made = await _once.GetOrAdd(step, _ => new(async () =>
        {
            var client = new MatrixClient(this, new ExchangeLog());
            return (await step.RunAsync(client), client);
        })).Value;
        return ((T)made.Value!, made.Client);
    }

    /// <summary>
    /// Ends the run: writes the report, stops the embedded server, if any, and releases the transport. Returns what a
    /// caller prints last and what an in-process caller checks (counts, the secrets it redacted).
    /// </summary>
    public async Task<RunEnding> FinishAsync()
    {
        foreach (var stale in KnownFailures?.List.Unmatched ?? [])
        {
            _progress($"Known-failures entry matched no test of this run (stale, misspelt or filtered out): {KnownFailures!.List.Source} line {stale.Line}: {stale.Text}");
        }

        if (await Steps.AccountSteps.EndGivenSessionsAsync(this) is { } ended)
        {
            _progress(ended);
        }

        var closingLine = Report.Finish(_facts with { Features = Probes.Findings() }, KnownFailures?.List);
        _progress($"Summary: {Report.SummaryPath}");
        _progress($"Sent {Transport.Counts.Describe()}");
        var ending = new RunEnding(closingLine, Transport.Counts, Transport.Redaction.RedactedValues, FixedKnownFailures());
        await DisposeAsync();
        return ending;
    }

    private string? FixedKnownFailures()
    {
        var fixedRequirements = KnownFailures?.List.FixedRequirements.ToList() ?? [];
        return fixedRequirements.Count == 0
            ? null
            : $"Fixed known failure: no test of these listed requirements failed; remove them from {KnownFailures!.List.Source}: "
                + string.Join(", ", fixedRequirements.Select(e => $"{e.Text} (line {e.Line})"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Transport.Dispose();
        await Target.DisposeAsync();
    }

    /// <remarks>A relative path is taken from the suite's checkout (where Conformance.sln is), as test hosts run in their output folder.</remarks>
    private static KnownFailurePolicy? KnownFailuresOf(SuiteSettings settings)
    {
        if (settings.KnownFailuresFile is not { } file)
        {
            return null;
        }

        var path = Path.IsPathRooted(file) ? file : Path.Combine(SourceTree.Root?.FullName ?? Environment.CurrentDirectory, file);
        return new KnownFailurePolicy(KnownFailureList.Load(path), settings.FixedKnownFailuresFailRun);
    }

    private static async Task<(IReadOnlyList<string> Versions, string? ServerSoftware)> AdvertisedVersionsAsync(MatrixTransport transport, CancellationToken ct)
    {
        MatrixResponse response;
        try
        {
            response = await transport.SendAsync(MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/versions"), new ExchangeLog(), ct);
        }
        catch (TransportException e)
        {
            throw new InvalidOperationException($"The server under test does not answer GET /_matrix/client/versions: {e.Message}", e);
        }
        catch (InconclusiveException e)
        {
            // Every test would wait on the same rate limit: one clear failure now instead of a run of Inconclusives.
            throw new InvalidOperationException($"The server under test rate-limits GET /_matrix/client/versions past the harness's patience: {e.Message}", e);
        }

        if (response.StatusCode != 200 || response.Body?["versions"] is not JsonArray versions)
        {
            throw new InvalidOperationException(
                $"The server under test does not answer GET /_matrix/client/versions with 200 and a versions list (it answered {response.Summary}); "
                + "is the URL the client-server API's base?\n" + response.Exchange.Describe());
        }

        return ([.. versions.Where(v => v?.GetValueKind() == JsonValueKind.String).Select(v => v!.GetValue<string>())],
            response.Headers.GetValueOrDefault("Server"));
    }
}
