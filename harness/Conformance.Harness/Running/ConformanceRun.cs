using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Harness.Client;
using Conformance.Harness.Fakes;
using Conformance.Harness.KnownFailures;
using Conformance.Harness.RateLimits;
using Conformance.Harness.Reporting;
using Conformance.Harness.Targets;
using Conformance.Harness.Uia;
using Conformance.Reference.Hosting;
using NUnit.Framework;

namespace Conformance.Harness.Running;

/// <summary>
/// The run's lifetime: chooses the target (env var, runsettings, else the embedded reference homeserver), checks it
/// answers, prints what was chosen, and tears it down at the end. Test assemblies call it from a SetUpFixture.
/// </summary>
public static class ConformanceRun
{
    private static ConformanceContext? _current;
    private static RunReport? _report;
    private static RunFacts? _facts;

    /// <summary>The run's known failures, or null when none were given (or outside a run).</summary>
    public static KnownFailurePolicy? KnownFailures { get; private set; }

    /// <summary>What the last finished run sent (for the benchmark, which runs the suite in its own process).</summary>
    public static RequestCounts? LastCounts { get; private set; }

    /// <summary>The run's report, or null outside a run.</summary>
    public static RunReport? Report => _report;

    /// <summary>The running context.</summary>
    /// <exception cref="InvalidOperationException">No run was started: the assembly lacks its SetUpFixture.</exception>
    public static ConformanceContext Current =>
        _current ?? throw new InvalidOperationException("No conformance run: call ConformanceRun.StartAsync from a [SetUpFixture]");

    /// <summary>The running context, or null outside a conformance run (e.g. in the harness's own tests).</summary>
    public static ConformanceContext? Active => _current;

    /// <summary>Starts the run. Fails at once, with the reason, when the target does not answer /versions.</summary>
    public static async Task StartAsync(CancellationToken ct = default)
    {
        // FluentAssertions finds NUnit by assembly name among everything loaded. Where the suite runs in a load context
        // of its own beside another NUnit (the kill matrix), it could throw the other copy's AssertionException, which
        // this NUnit would report as an error instead of a failure. Bind it to the NUnit this harness runs with.
        FluentAssertions.Common.Services.ThrowException = message => throw new AssertionException(message);
        var settings = SuiteSettings.Read();
        var knownFailures = KnownFailuresOf(settings);
        HomeserverTarget target;
        if (settings.HomeserverUrl is { } url)
        {
            target = HomeserverTarget.Remote(url);
        }
        else
        {
            // The embedded server also accepts a token and holds a namespace the run makes up, so the token and
            // M_EXCLUSIVE checks run against it too.
            settings = settings with
            {
                RegistrationToken = settings.RegistrationToken ?? "conformance-" + RandomNumberGenerator.GetHexString(16, lowercase: true),
                ExclusiveUsernamePrefix = settings.ExclusiveUsernamePrefix ?? "as_" + RandomNumberGenerator.GetHexString(8, lowercase: true) + "_",
                AppServiceToken = settings.AppServiceToken ?? "conformance-as-" + RandomNumberGenerator.GetHexString(16, lowercase: true),
            };
            target = await HomeserverTarget.StartEmbeddedAsync(
                EmbeddedOptions(settings.RegistrationToken, settings.ExclusiveUsernamePrefix, settings.AppServiceToken), ct);
        }

        var transportSettings = new TransportSettings { RequestTimeout = settings.RequestTimeout, RunBudget = settings.RunBudget }
            .WithRateLimitPatience(settings.RateLimitPatience);
        var transport = new MatrixTransport(target.BaseUrl, transportSettings, new RateLimitGate(), currentTest: MatrixTransport.CurrentNUnitTest);
        TestContext.Progress.WriteLine($"Conformance target: {target.Describe()}");
        TestContext.Progress.WriteLine($"Data seed: {settings.Seed} (replay with CONFORMANCE_SEED={settings.Seed})");
        if (settings.RateLimitPatience != new SuiteSettings().RateLimitPatience)
        {
            TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Rate-limit patience: waits out 429s of up to {transportSettings.MaxRateLimitWait.TotalSeconds:0} s, "
                + $"{transportSettings.RateLimitBudget.TotalSeconds:0} s in all per request, within the run budget of {settings.RunBudget.TotalSeconds:0} s"));
        }

        var (versions, serverSoftware) = await AdvertisedVersionsAsync(transport, ct);
        TestContext.Progress.WriteLine($"Advertised spec versions: {string.Join(", ", versions)}");
        if (knownFailures is not null)
        {
            TestContext.Progress.WriteLine($"Known failures: {knownFailures.List.Count} entries from {knownFailures.List.Source}"
                + (knownFailures.FixedFailsRun ? string.Empty : " (a listed test that passes is flagged, not failed)"));
        }

        var report = RunReport.Start(settings.ResultsFolder ?? RunReport.DefaultFolder());
        TestContext.Progress.WriteLine($"Allure results: {report.Folder}");

        IUiaStage[] stages = settings.RegistrationToken is { } token ? [new DummyStage(), new RegistrationTokenStage(token)] : [new DummyStage()];
        _current = new ConformanceContext(
            target, transport, new Fake(settings.Seed), new UiaDriver(stages), versions, settings);
        _report = report;
        KnownFailures = knownFailures;
        _facts = new RunFacts(target.Describe(), serverSoftware, versions, settings.Seed, settings.ServerName);
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

    /// <summary>Stops the embedded server, if any, and releases the transport.</summary>
    /// <exception cref="AssertionException">
    /// The known-failures list names a requirement none of whose tests failed, and fixed entries fail the run: thrown
    /// last, from the run's teardown, so the run fails with that message once everything is written.
    /// </exception>
    public static async Task StopAsync()
    {
        var knownFailures = KnownFailures;
        foreach (var stale in knownFailures?.List.Unmatched ?? [])
        {
            TestContext.Progress.WriteLine($"Known-failures entry matched no test of this run (stale, misspelt or filtered out): {knownFailures!.List.Source} line {stale.Line}: {stale.Text}");
        }

        if (_report is not null && _facts is not null)
        {
            _report.Finish(_facts with { Features = _current?.Probes.Findings() }, knownFailures?.List);
            TestContext.Progress.WriteLine($"Summary: {_report.SummaryPath}");
            _report = null;
        }

        if (_current is not null)
        {
            TestContext.Progress.WriteLine($"Sent {_current.Transport.Counts.Describe()}");
            LastCounts = _current.Transport.Counts;
            await _current.DisposeAsync();
            _current = null;
        }

        TestContext.Progress.WriteLine(RunReport.TakeClosingLine());
        KnownFailures = null;
        var fixedRequirements = knownFailures?.List.FixedRequirements.ToList() ?? [];
        if (fixedRequirements.Count > 0)
        {
            var message = $"Fixed known failure: no test of these listed requirements failed; remove them from {knownFailures!.List.Source}: "
                + string.Join(", ", fixedRequirements.Select(e => $"{e.Text} (line {e.Line})"));
            TestContext.Progress.WriteLine(message);
            if (knownFailures.FixedFailsRun)
            {
                throw new AssertionException(message);
            }
        }
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
