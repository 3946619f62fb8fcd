using Conformance.Harness.Client;

namespace Conformance.Harness.Running;

/// <summary>
/// A step of arrangement that every test of a run asking for it shares: made once, on first use, by a client of its
/// own, so a rate-limited server sees one registration or login where several tests only read its answer. Each test
/// that uses it gets the step's exchanges in its own log. Define one as a static of the fixture that uses it; its
/// result lives in the run (<see cref="ConformanceRun.OnceAsync{T}"/>), not in the static.
/// </summary>
/// <typeparam name="T">What the step yields.</typeparam>
/// <param name="make">The step; it must leave nothing another sharer could trip over (no logout, no deactivation).</param>
public sealed class OncePerRun<T>(Func<MatrixClient, Task<T>> make)
{
    /// <summary>Runs the step with <paramref name="client"/>.</summary>
    internal Task<T> RunAsync(MatrixClient client) => make(client);
}
