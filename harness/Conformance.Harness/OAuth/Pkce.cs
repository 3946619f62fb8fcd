using System.Security.Cryptography;
using System.Text;

namespace Conformance.Harness.OAuth;

/// <summary>PKCE values (RFC 7636): a random code verifier and its S256 challenge.</summary>
/// <remarks>https://datatracker.ietf.org/doc/html/rfc7636#section-4.1</remarks>
public static class Pkce
{
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /// <summary>A fresh verifier of 64 unreserved characters (43 to 128 are allowed).</summary>
    public static string NewVerifier() => RandomNumberGenerator.GetString(Unreserved, 64);

    /// <summary>The S256 challenge of <paramref name="verifier"/>: its SHA-256, base64url-encoded without padding.</summary>
    public static string ChallengeOf(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
