namespace Conformance.Benchmark;

/// <summary>Per-request cost through the harness and through a bare <see cref="HttpClient"/>.</summary>
/// <param name="Harness">Median time per request through the harness.</param>
/// <param name="Bare">Median time per request with a bare client.</param>
/// <param name="Ratio">Median of the rounds' harness/bare ratios.</param>
/// <param name="HarnessBytes">Bytes allocated per request in the process while the harness sent (server included).</param>
/// <param name="BareBytes">The same for the bare client.</param>
public sealed record OverheadFigures(TimeSpan Harness, TimeSpan Bare, double Ratio, long HarnessBytes, long BareBytes);
