using Conformance.Harness.Client;
using Conformance.Harness.Fakes;
using Conformance.Harness.Probes;
using Conformance.Harness.Targets;
using Conformance.Harness.Uia;

namespace Conformance.Harness.Running;

/// <summary>What every test of a run shares: the target, the transport, the data generator and the UIA stages.</summary>
public sealed class ConformanceContext(
    HomeserverTarget target, MatrixTransport transport, Fake fake, UiaDriver registrationUia, ServerProbes probes) : IAsyncDisposable
{
    /// <summary>The server under test.</summary>
    public HomeserverTarget Target { get; } = target;

    /// <summary>The shared HTTP transport (one connection pool, one rate-limit gate).</summary>
    public MatrixTransport Transport { get; } = transport;

    /// <summary>The run's seeded data generator.</summary>
    public Fake Fake { get; } = fake;

    /// <summary>Completes registration UIA with the stages this run can satisfy.</summary>
    public UiaDriver RegistrationUia { get; } = registrationUia;

    /// <summary>What the server offers, probed once per run.</summary>
    public ServerProbes Probes { get; } = probes;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Transport.Dispose();
        await Target.DisposeAsync();
    }
}
