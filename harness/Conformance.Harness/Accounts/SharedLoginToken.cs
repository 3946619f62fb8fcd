using Conformance.Harness.Client;

namespace Conformance.Harness.Accounts;

/// <summary>The run's one get_token of its shared account: the answer of the completed UIA, and of a request without auth right after.</summary>
/// <param name="Account">The shared account.</param>
/// <param name="Issued">get_token's answer once its password UIA was completed.</param>
/// <param name="IssuedAt">When that answer came (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
/// <param name="AskedAgain">The answer to get_token without auth, sent right after the completed UIA.</param>
public sealed record SharedLoginToken(RegisteredAccount Account, MatrixResponse Issued, long IssuedAt, MatrixResponse AskedAgain);
