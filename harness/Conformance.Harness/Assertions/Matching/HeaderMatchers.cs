using System.Net.Http.Headers;
using Conformance.Harness.Client;

namespace Conformance.Harness.Assertions.Matching;

/// <summary>Checks of one response header.</summary>
/// <param name="name">The header's name (matched in any case).</param>
public sealed class HeaderMatchers(string name)
{
    /// <summary>The header is there and <paramref name="valueIsRight"/> accepts its value, as <paramref name="expectation"/> says.</summary>
    public Matcher<MatrixResponse> Where(string expectation, Func<string, bool> valueIsRight) =>
        new(expectation, r => !r.Headers.TryGetValue(name, out var value) ? $"there is no {name} header"
            : valueIsRight(value) ? null
            : $"it is \"{value}\"");

    /// <summary>The media type, parameters such as charset aside, is <paramref name="mediaType"/> (any case).</summary>
    public Matcher<MatrixResponse> HasMediaType(string mediaType) =>
        Where($"{name} {mediaType}", value => MediaTypeHeaderValue.TryParse(value, out var parsed)
            && string.Equals(parsed.MediaType, mediaType, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The header lists every one of <paramref name="required"/> (comma-separated, any case), or <c>*</c> where the
    /// Fetch standard lets the wildcard stand for it.
    /// </summary>
    public Matcher<MatrixResponse> Lists(params string[] required) =>
        Where($"{name} to list {string.Join(", ", required)}", value =>
        {
            var listed = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return required.All(r => listed.Contains(r, StringComparer.OrdinalIgnoreCase) || (listed.Contains("*") && WildcardCovers(r)));
        });

    // Fetch: in Access-Control-Allow-Headers, "*" never covers Authorization, so a browser would still refuse a request
    // carrying an access token.
    private bool WildcardCovers(string listedName) =>
        !(name.Equals("Access-Control-Allow-Headers", StringComparison.OrdinalIgnoreCase) && listedName.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
}
