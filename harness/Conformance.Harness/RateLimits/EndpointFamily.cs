namespace Conformance.Harness.RateLimits;

/// <summary>Groups endpoints the way servers group their rate limits, so one 429 slows only its own family.</summary>
public static class EndpointFamily
{
    /// <summary>The family of a request path: <c>register</c>, <c>login</c>, <c>refresh</c> or <c>other</c>.</summary>
    public static string Of(string path)
    {
        var last = path.TrimEnd('/');
        if (last.Contains("/register", StringComparison.Ordinal))
        {
            return "register";
        }

        if (last.Contains("/login", StringComparison.Ordinal))
        {
            return "login";
        }

        return last.EndsWith("/refresh", StringComparison.Ordinal) ? "refresh" : "other";
    }
}
