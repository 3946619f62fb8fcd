using Conformance.Harness.Client;
using Conformance.Harness.Fakes;
using Conformance.Harness.Probes;
using Conformance.Harness.RateLimits;
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

    /// <summary>The running context.</summary>
    /// <exception cref="InvalidOperationException">No run was started: the assembly lacks its SetUpFixture.</exception>
    public static ConformanceContext Current =>
        _current ?? throw new InvalidOperationException("No conformance run: call ConformanceRun.StartAsync from a [SetUpFixture]");

    /// <summary>Starts the run. Fails at once, with the reason, when the target does not answer /versions.</summary>
    public static async Task StartAsync(CancellationToken ct = default)
    {
        var settings = SuiteSettings.Read();
        var target = settings.HomeserverUrl is { } url
            ? HomeserverTarget.Remote(url)
            : await HomeserverTarget.StartEmbeddedAsync(new ReferenceHomeserverOptions(), ct);
        var transport = new MatrixTransport(target.BaseUrl, new TransportSettings { RequestTimeout = settings.RequestTimeout }, new RateLimitGate());
        IUiaStage[] stages = settings.RegistrationToken is { } token ? [new DummyStage(), new RegistrationTokenStage(token)] : [new DummyStage()];
        var fake = new Fake(settings.Seed);
        _current = new ConformanceContext(target, transport, fake, new UiaDriver(stages), new ServerProbes(transport, fake));

        TestContext.Progress.WriteLine($"Conformance target: {target.Describe()}");
        TestContext.Progress.WriteLine($"Data seed: {settings.Seed} (replay with CONFORMANCE_SEED={settings.Seed})");
        await EnsureAnswersAsync(transport, ct);
    }

    /// <summary>Stops the embedded server, if any, and releases the transport.</summary>
    public static async Task StopAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
            _current = null;
        }
    }

    private static async Task EnsureAnswersAsync(MatrixTransport transport, CancellationToken ct)
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

        if (response.StatusCode != 200 || response.Body?["versions"] is not System.Text.Json.Nodes.JsonArray)
        {
            throw new InvalidOperationException(
                "The server under test does not answer GET /_matrix/client/versions with 200 and a versions list; "
                + "is the URL the client-server API's base?\n" + response.Exchange.Describe());
        }
    }
}
