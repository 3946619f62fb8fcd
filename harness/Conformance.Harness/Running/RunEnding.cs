using Conformance.Harness.Client;

namespace Conformance.Harness.Running;

/// <summary>What a finished run leaves its caller.</summary>
/// <param name="ClosingLine">The line the run prints last (<see cref="Reporting.ClosingLine"/>).</param>
/// <param name="Counts">What the run sent: requests, registrations and logins per endpoint family.</param>
/// <param name="SecretsRedacted">Every secret value the run's transport redacted (in memory only), so a check of its outputs can look for them.</param>
/// <param name="FixedKnownFailures">Why listed requirements should leave the known-failures list, or null when none should.</param>
public sealed record RunEnding(string ClosingLine, RequestCounts Counts, IReadOnlyCollection<string> SecretsRedacted, string? FixedKnownFailures);
