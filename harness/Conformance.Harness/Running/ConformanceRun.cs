using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Harness.Client;
using Conformance.Harness.Fakes;
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
        var registrationToken = settings.RegistrationToken;
        var exclusivePrefix = settings.ExclusiveUsernamePrefix;
        var appServiceToken = settings.AppServiceToken;
        HomeserverTarget target;
        if (settings.HomeserverUrl is { } url)
        {
            target = HomeserverTarget.Remote(url);
        }
        else
        {
            // The embedded server also accepts a token and holds a namespace the run makes up, so the token and
            // M_EXCLUSIVE checks run against it too.
            registrationToken ??= "conformance-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
            exclusivePrefix ??= "as_" + RandomNumberGenerator.GetHexString(8, lowercase: true) + "_";
            appServiceToken ??= "conformance-as-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
            target = await HomeserverTarget.StartEmbeddedAsync(EmbeddedOptions(registrationToken, exclusivePrefix, appServiceToken), ct);
        }

        var transport = new MatrixTransport(target.BaseUrl, new TransportSettings { RequestTimeout = settings.RequestTimeout, RunBudget = settings.RunBudget }, new RateLimitGate());
        TestContext.Progress.WriteLine($"Conformance target: {target.Describe()}");
        TestContext.Progress.WriteLine($"Data seed: {settings.Seed} (replay with CONFORMANCE_SEED={settings.Seed})");
        var (versions, serverSoftware) = await AdvertisedVersionsAsync(transport, ct);
        TestContext.Progress.WriteLine($"Advertised spec versions: {string.Join(", ", versions)}");
        var report = RunReport.Start(settings.ResultsFolder ?? RunReport.DefaultFolder());
        TestContext.Progress.WriteLine($"Allure results: {report.Folder}");

        IUiaStage[] stages = registrationToken is { } token ? [new DummyStage(), new RegistrationTokenStage(token)] : [new DummyStage()];
        _current = new ConformanceContext(
            target, transport, new Fake(settings.Seed), new UiaDriver(stages), versions, registrationToken, exclusivePrefix, appServiceToken);
        _report = report;
        _facts = new RunFacts(target.Describe(), serverSoftware, versions, settings.Seed);
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
    public static async Task StopAsync()
    {
        if (_report is not null && _facts is not null)
        {
            _report.Finish(_facts);
            TestContext.Progress.WriteLine($"Summary: {_report.SummaryPath}");
            _report = null;
        }

        if (_current is not null)
        {
            TestContext.Progress.WriteLine($"Sent {_current.Transport.Counts.Describe()}");
            await _current.DisposeAsync();
            _current = null;
        }
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
