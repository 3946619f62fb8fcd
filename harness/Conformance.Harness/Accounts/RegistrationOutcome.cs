using Conformance.Harness.Client;

namespace Conformance.Harness.Accounts;

/// <summary>How a registration attempt ended: an account, or the response that refused it.</summary>
/// <param name="Account">The account, when the server registered one.</param>
/// <param name="Refusal">The final non-2xx response, when it did not.</param>
public sealed record RegistrationOutcome(RegisteredAccount? Account, MatrixResponse? Refusal);
