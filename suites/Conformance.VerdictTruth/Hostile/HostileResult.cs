using Conformance.Hostile.Recording;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.Hostile;

/// <summary>What one run of the suite against a hostile server left.</summary>
/// <param name="Case">The server's mode and options.</param>
/// <param name="Run">Every verdict and the secrets the run used; empty when the run itself crashed.</param>
/// <param name="Elapsed">How long the whole in-process run took.</param>
/// <param name="LargestBodyWritten">The most bytes of one generated body the server got written before its client hung up.</param>
/// <param name="Received">What reached the hostile server itself.</param>
/// <param name="OtherOriginReceived">What reached the other origin the server redirected to.</param>
/// <param name="Error">Why the run itself crashed, or null.</param>
public sealed record HostileResult(
    HostileCase Case, InProcessSuiteResult Run, TimeSpan Elapsed, long LargestBodyWritten, IReadOnlyList<ReceivedRequest> Received,
    IReadOnlyList<ReceivedRequest> OtherOriginReceived, string? Error);
