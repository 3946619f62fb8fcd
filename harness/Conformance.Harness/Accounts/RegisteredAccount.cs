using Conformance.Harness.Client;
using Conformance.Harness.Identifiers;

namespace Conformance.Harness.Accounts;

/// <summary>An account the server registered, with what the suite knows of it.</summary>
/// <param name="UserId">The user ID the server returned.</param>
/// <param name="Password">The password it was registered with, or null.</param>
/// <param name="AccessToken">The access token, or null when login was inhibited.</param>
/// <param name="DeviceId">The device ID, or null when login was inhibited.</param>
/// <param name="Response">The final (200) registration response.</param>
/// <param name="RequestedUsername">The username the registration asked for, or null.</param>
public sealed record RegisteredAccount(
    UserId UserId, string? Password, string? AccessToken, string? DeviceId, MatrixResponse Response, string? RequestedUsername = null);
