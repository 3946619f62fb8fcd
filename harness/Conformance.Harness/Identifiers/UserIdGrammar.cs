using System.Text;

namespace Conformance.Harness.Identifiers;

/// <summary>The user identifier grammar new registrations must follow.</summary>
/// <remarks>
/// https://spec.matrix.org/v1.19/appendices/#user-identifiers: <c>@localpart:server_name</c>; the localpart is
/// non-empty and uses only <c>a-z 0-9 . _ = - / +</c> (<c>+</c> since v1.8); the whole ID is at most 255 bytes.
/// https://spec.matrix.org/v1.19/appendices/#server-name: hostname (DNS name, IPv4 or bracketed IPv6) and an
/// optional port.
/// </remarks>
public static class UserIdGrammar
{
    /// <summary>The most bytes a user ID may have, sigil and server name included.</summary>
    public const int MaxBytes = 255;

    /// <summary>Every way <paramref name="userId"/> breaks the grammar; empty when it fits.</summary>
    public static IReadOnlyList<string> Problems(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var problems = new List<string>();
        var bytes = Encoding.UTF8.GetByteCount(userId);
        if (bytes > MaxBytes)
        {
            problems.Add($"is {bytes} bytes long; at most {MaxBytes} are allowed");
        }

        if (!userId.StartsWith('@'))
        {
            problems.Add("does not start with '@'");
            return problems;
        }

        var colon = userId.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            problems.Add("has no ':' between localpart and server name");
            return problems;
        }

        problems.AddRange(LocalpartProblems(userId[1..colon]));
        problems.AddRange(ServerNameProblems(userId[(colon + 1)..]));
        return problems;
    }

    /// <summary>Whether a character may appear in the localpart of a newly registered user ID.</summary>
    public static bool IsLocalpartChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '=' or '-' or '/' or '+';

    /// <summary>Every way <paramref name="localpart"/> breaks the localpart grammar.</summary>
    public static IEnumerable<string> LocalpartProblems(string localpart)
    {
        ArgumentNullException.ThrowIfNull(localpart);
        if (localpart.Length == 0)
        {
            yield return "has an empty localpart";
        }

        var bad = localpart.Where(c => !IsLocalpartChar(c)).Distinct().ToList();
        if (bad.Count > 0)
        {
            yield return $"has characters outside a-z 0-9 . _ = - / + in its localpart: {string.Join(' ', bad.Select(Show))}";
        }
    }

    /// <summary>Every way <paramref name="serverName"/> breaks the server-name grammar.</summary>
    public static IEnumerable<string> ServerNameProblems(string serverName)
    {
        ArgumentNullException.ThrowIfNull(serverName);
        var host = serverName;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            var literal = close < 0 ? string.Empty : host[1..close];
            if (close < 0 || literal.Length == 0 || !literal.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.'))
            {
                yield return $"has a malformed IPv6 literal in server name '{serverName}'";
                yield break;
            }

            host = host[(close + 1)..];
            if (host.Length > 0 && !host.StartsWith(':'))
            {
                yield return $"has text after the IPv6 literal in server name '{serverName}'";
                yield break;
            }

            host = host.Length > 0 ? "x" + host : "x";
        }

        var portAt = host.LastIndexOf(':');
        var name = portAt < 0 ? host : host[..portAt];
        if (portAt >= 0)
        {
            var port = host[(portAt + 1)..];
            if (port.Length is 0 or > 5 || !port.All(char.IsAsciiDigit))
            {
                yield return $"has a bad port in server name '{serverName}'";
            }
        }

        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
        {
            yield return $"has a server name '{serverName}' that is not a DNS name, IPv4 address or [IPv6] literal";
        }
    }

    private static string Show(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
