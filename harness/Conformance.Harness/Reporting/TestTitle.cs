namespace Conformance.Harness.Reporting;

/// <summary>
/// A test's title as the reports show it: its method name as a sentence (<c>Guest registration ignores username</c>),
/// the arguments of a case kept as NUnit displays them.
/// </summary>
/// <remarks>
/// Method names put <c>_</c> between words, but some words are Matrix names written with underscores themselves:
/// errcodes (<c>M_USER_IN_USE</c>) and the JSON fields in <see cref="MatrixNames"/>. A name cannot tell the two
/// underscores apart, so the rule is:
/// <list type="bullet">
/// <item>a run of all-capital words of two characters or more after an <c>M</c> is an errcode;</item>
/// <item>a run of words spelling a listed field (exactly, or capitalised at the start of the name) is that field,
/// unless the field is English too and follows an article or an adjective ("the access token");</item>
/// <item>what a method name cannot spell with its hyphen or slash is written as on the wire (<c>Content_Type</c> is
/// <c>Content-Type</c>);</item>
/// <item>every other <c>_</c> is a space.</item>
/// </list>
/// </remarks>
public static class TestTitle
{
    /// <summary>The JSON fields and endpoint names the suite's test names use, kept with their underscores.</summary>
    public static IReadOnlyList<string> MatrixNames { get; } =
    [
        "access_token", "device_id", "display_name", "expires_in_ms", "get_login_token", "get_token", "guest_access_token",
        "home_server", "inhibit_login", "initial_device_display_name", "is_guest", "login_token", "refresh_token",
        "retry_after_ms", "soft_logout", "user_id",
    ];

    /// <summary>Words a method name can only spell with underscores, as they are written: headers, a media type, a prefix.</summary>
    public static IReadOnlyDictionary<string, string> Spellings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Content_Type"] = "Content-Type",
        ["Retry_After"] = "Retry-After",
        ["application_json"] = "application/json",
        ["non_ASCII"] = "non-ASCII",
    };

    /// <summary>
    /// Listed names that are English too ("the access token"): after an article or an adjective the name means the thing,
    /// not the field, and reads as words.
    /// </summary>
    private static readonly HashSet<string> AlsoEnglish = new(StringComparer.Ordinal)
    {
        "access_token", "display_name", "guest_access_token", "login_token", "refresh_token",
    };

    /// <summary>Words before a noun, besides adjectives in -ed (<c>expired</c>, <c>rotated</c>).</summary>
    private static readonly HashSet<string> BeforeANoun = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "its", "their", "every", "new", "same", "unknown", "invalid",
    };

    /// <summary>Longest first, so <c>initial_device_display_name</c> is not read as <c>initial device display_name</c>.</summary>
    private static readonly (string[] Words, string Written)[] Known =
    [
        .. MatrixNames.Select(name => (name.Split('_'), name))
            .Concat(Spellings.Select(s => (s.Key.Split('_'), s.Value)))
            .OrderByDescending(k => k.Item1.Length),
    ];

    /// <summary>
    /// The title of a test displayed as <paramref name="displayName"/>: <c>Method</c> or <c>Method(arguments)</c>, as
    /// NUnit names it. The arguments follow the sentence after a space, unchanged.
    /// </summary>
    public static string Of(string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        var paren = displayName.IndexOf('(', StringComparison.Ordinal);
        return paren < 0 ? Sentence(displayName) : $"{Sentence(displayName[..paren])} {displayName[paren..]}";
    }

    /// <summary>The method name <paramref name="methodName"/> as a sentence (see the remarks on <see cref="TestTitle"/>).</summary>
    public static string Sentence(string methodName)
    {
        ArgumentNullException.ThrowIfNull(methodName);
        var words = methodName.Split('_');
        var sentence = new List<string>(words.Length);
        for (var i = 0; i < words.Length;)
        {
            var (taken, written) = ErrCodeAt(words, i) ?? KnownAt(words, i) ?? (1, words[i]);
            sentence.Add(written);
            i += taken;
        }

        return string.Join(' ', sentence);
    }

    /// <summary><c>M</c> and the all-capital words after it: <c>M_NOT_JSON</c>, <c>M_APPSERVICE_LOGIN_UNSUPPORTED</c>.</summary>
    private static (int Taken, string Written)? ErrCodeAt(string[] words, int start)
    {
        var end = start + 1;
        while (words[start] == "M" && end < words.Length && IsCapitals(words[end]))
        {
            end++;
        }

        return end - start < 2 ? null : (end - start, string.Join('_', words[start..end]));
    }

    private static (int Taken, string Written)? KnownAt(string[] words, int start)
    {
        foreach (var (known, written) in Known)
        {
            if (start + known.Length > words.Length)
            {
                continue;
            }

            var matches = true;
            for (var k = 0; k < known.Length && matches; k++)
            {
                var word = words[start + k];
                // A name starts with a capital; a field that opens it is the field all the same (Get_token is get_token).
                matches = word == known[k] || (start == 0 && k == 0 && word.Length > 0 && char.ToLowerInvariant(word[0]) + word[1..] == known[k]);
            }

            if (matches && !(AlsoEnglish.Contains(written) && start > 0 && IsBeforeANoun(words[start - 1])))
            {
                return (known.Length, written);
            }
        }

        return null;
    }

    private static bool IsBeforeANoun(string word) =>
        BeforeANoun.Contains(word) || (word.Length > 3 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase));

    /// <remarks>Two characters at least: no errcode has a one-letter word, and a name may say "M" then "A".</remarks>
    private static bool IsCapitals(string word) =>
        word.Length > 1 && word.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9')) && word.Any(char.IsLetter);
}
