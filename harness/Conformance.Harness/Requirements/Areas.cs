namespace Conformance.Harness.Requirements;

/// <summary>The suite's areas; each is also an NUnit category, so names avoid spaces and hyphens.</summary>
public static class Areas
{
    /// <summary>POST /register for users.</summary>
    public const string Registration = "Registration";

    /// <summary>User-interactive authentication of registration.</summary>
    public const string Uia = "UIA";

    /// <summary>Usernames and the user ID grammar.</summary>
    public const string Usernames = "Usernames";

    /// <summary>Guest registration and upgrade.</summary>
    public const string Guests = "Guests";

    /// <summary>GET /register/available.</summary>
    public const string Availability = "Availability";

    /// <summary>Token-authenticated registration.</summary>
    public const string RegistrationTokens = "RegistrationTokens";

    /// <summary>GET and POST /login.</summary>
    public const string Login = "Login";

    /// <summary>Single-use login tokens.</summary>
    public const string LoginTokens = "LoginTokens";

    /// <summary>Refresh tokens and soft logout.</summary>
    public const string RefreshTokens = "RefreshTokens";

    /// <summary>Access tokens, whoami, devices and logout.</summary>
    public const string DevicesAndLogout = "DevicesAndLogout";

    /// <summary>Account management: deactivation.</summary>
    public const string Account = "Account";

    /// <summary>API standards, errors, rate limits and CORS.</summary>
    public const string ApiStandards = "ApiStandards";

    /// <summary>Application services: their registration, login and identity assertion.</summary>
    public const string AppServices = "AppServices";

    /// <summary>The OAuth 2.0 API: server metadata, client registration, the authorization code grant, tokens and revocation.</summary>
    public const string OAuth = "OAuth";
}
