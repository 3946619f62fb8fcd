using System.Text;

namespace Conformance.Harness.Client;

/// <summary>
/// The stable name a transport gave one redacted secret (<c>ACCESS_TOKEN_1</c>, or a setting's environment variable),
/// and its shape: enough for a reproduction to read it from an earlier answer, from the environment, or to make up a
/// fresh one like it, never the value itself.
/// </summary>
/// <param name="Name">A shell variable name.</param>
/// <param name="FromSettings">Whether it is a setting's secret, read from the environment variable <paramref name="Name"/>.</param>
/// <param name="Length">How many characters the value had.</param>
/// <param name="Alphabet">The character classes it drew from (lower, upper, digits, ASCII symbols), to make up one like it.</param>
public sealed record SecretName(string Name, bool FromSettings, int Length, string Alphabet)
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    // No quote or backslash: a made-up value goes into JSON bodies and shell words as it is.
    private const string Symbols = "!#$%&()*+,-./:;<=>?@[]^_{|}~";

    /// <summary>The name and shape of <paramref name="value"/>.</summary>
    public static SecretName Of(string name, string value, bool fromSettings)
    {
        ArgumentNullException.ThrowIfNull(value);
        var alphabet = new StringBuilder();
        foreach (var chars in new[] { Lower, Upper, Digits, Symbols })
        {
            if (value.AsSpan().IndexOfAny(chars) >= 0)
            {
                alphabet.Append(chars);
            }
        }

        return new SecretName(name, fromSettings, value.Length, alphabet.Length == 0 ? Lower : alphabet.ToString());
    }

    /// <summary>The kind part of a name, from the field that carried the secret: <c>access_token</c> → <c>ACCESS_TOKEN</c>.</summary>
    public static string KindOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var kind = new string([.. field.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_')]);
        return kind.Length == 0 || char.IsAsciiDigit(kind[0]) ? "SECRET_" + kind : kind;
    }
}
