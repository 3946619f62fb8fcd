namespace Conformance.Harness.RateLimits;

/// <summary>Groups endpoints the way servers group their rate limits, so one 429 slows only its own family.</summary>
/// <remarks>
/// Synapse limits registration, login, the registration-token validity check, <c>/register/available</c> and get_token
/// each on a limiter of its own, so none of them pauses another. A server with one limit for everything answers 429
/// in every family it is sent, and each family then pauses on its own answer.
/// </remarks>
public static class EndpointFamily
{
    /// <summary>GET /register/m.login.registration_token/validity.</summary>
    public const string TokenValidity = "token-validity";

    /// <summary>The family of a request path: <c>register</c>, <c>available</c>, <c>token-validity</c>, <c>login</c>, <c>get-token</c>, <c>refresh</c> or <c>other</c>.</summary>
    public static string Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var last = path.TrimEnd('/');
        if (last.Contains("/register", StringComparison.Ordinal))
        {
            return last.EndsWith("/m.login.registration_token/validity", StringComparison.Ordinal) ? TokenValidity
                : last.EndsWith("/register/available", StringComparison.Ordinal) ? "available"
                : "register";
        }

        if (last.Contains("/login", StringComparison.Ordinal))
        {
            return last.EndsWith("/login/get_token", StringComparison.Ordinal) ? "get-token" : "login";
        }

        return last.EndsWith("/refresh", StringComparison.Ordinal) ? "refresh" : "other";
    }
}
