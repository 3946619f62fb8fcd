namespace Conformance.Harness.Accounts;

/// <summary>A login token get_token issued to an account.</summary>
/// <param name="Account">The account it was issued to.</param>
/// <param name="Token">The token (a secret: never printed).</param>
/// <param name="LifetimeMs">The <c>expires_in_ms</c> it came with, or null.</param>
/// <param name="IssuedAt">When it was issued, a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</param>
public sealed record IssuedLoginToken(RegisteredAccount Account, string Token, long? LifetimeMs, long IssuedAt);
