using Conformance.Harness.Client;

namespace Conformance.Harness.Accounts;

/// <summary>The answer that gave the run's shared account its session, and whoami with that session's token.</summary>
/// <param name="Answered">The registration, or the login to a given account, that handed out the token.</param>
/// <param name="WhoAmI">GET /account/whoami with it.</param>
/// <param name="Origin">Where the shared account came from.</param>
public sealed record SharedTokenWhoAmI(MatrixResponse Answered, MatrixResponse WhoAmI, AccountOrigin Origin);
