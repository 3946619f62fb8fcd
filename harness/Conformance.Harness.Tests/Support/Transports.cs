using Conformance.Harness.Client;
using Conformance.Harness.RateLimits;

namespace Conformance.Harness.Tests.Support;

/// <summary>Transports aimed at test servers.</summary>
public static class Transports
{
    public static MatrixTransport For(Uri baseUrl, TransportSettings? settings = null) =>
        new(baseUrl, settings ?? new TransportSettings(), new RateLimitGate());
}
