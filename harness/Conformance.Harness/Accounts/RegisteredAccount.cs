using Conformance.Harness.Client;
using Conformance.Harness.Identifiers;

namespace Conformance.Harness.Accounts;

/// <summary>An account a test stands on, with what the suite knows of it and a session of it (unless login was inhibited).</summary>
/// <param name="UserId">The user ID the server returned.</param>
/// <param name="Password">The password it was registered with, or null.</param>
/// <param name="AccessToken">The access token, or null when login was inhibited.</param>
/// <param name="DeviceId">The device ID, or null when login was inhibited.</param>
/// <param name="Response">The final (200) answer that gave the session: the registration, or the suite's login to a given account.</param>
/// <param name="RequestedUsername">The username the registration asked for, or null.</param>
public sealed record RegisteredAccount(
    UserId UserId, string? Password, string? AccessToken, string? DeviceId, MatrixResponse Response, string? RequestedUsername = null)
{
    /// <summary>Where the account came from: the suite registered it (the default), it was given, or the application service made it.</summary>
    public AccountOrigin Origin { get; init; }
}
