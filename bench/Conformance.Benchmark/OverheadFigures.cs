namespace Conformance.Benchmark;

/// <summary>Per-request cost through the harness and through a bare <see cref="HttpClient"/>.</summary>
/// <param name="Harness">Median time per request through the harness, once warm.</param>
/// <param name="Bare">Median time per request with a bare client, once warm.</param>
/// <param name="Ratio">Median of the measured rounds' harness/bare ratios.</param>
/// <param name="ColdRatio">Harness/bare over the warm-up rounds, while the JIT was still recompiling hot code.</param>
/// <param name="HarnessBytes">Bytes allocated per measured request in the process while the harness sent (server included).</param>
/// <param name="BareBytes">The same for the bare client.</param>
/// <param name="HarnessWorkItems">Thread-pool work items per measured request while the harness sent (server included).</param>
/// <param name="BareWorkItems">The same for the bare client.</param>
public sealed record OverheadFigures(
    TimeSpan Harness, TimeSpan Bare, double Ratio, double ColdRatio, long HarnessBytes, long BareBytes, double HarnessWorkItems, double BareWorkItems);
