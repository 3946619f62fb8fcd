using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;
using static Conformance.Harness.Assertions.Matching.ResponseMatchers;

namespace Conformance.Harness.Assertions.Verdicts;

/// <summary>What the OAuth 2.0 API asks of an answer: its metadata, client registration, authorization and token errors.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#oauth-20-api and the RFCs it builds on</remarks>
public static class OAuthVerdicts
{
    /// <summary>The metadata fields the schema requires.</summary>
    private static readonly string[] RequiredUrls = ["issuer", "authorization_endpoint", "token_endpoint", "revocation_endpoint", "registration_endpoint"];

    private static readonly string[] RequiredLists =
        ["response_types_supported", "grant_types_supported", "response_modes_supported", "code_challenge_methods_supported"];

    /// <summary>An OAuth 2.0 error response (RFC 6749 section 5.2): <paramref name="status"/> and one of <paramref name="errors"/> as <c>error</c>.</summary>
    public static Matcher<MatrixResponse> Error(int status, params string[] errors) =>
        Matchers.All(Status(status), Field("error").IsStringWhere(string.Join(" or ", errors), errors.Contains))
            .Expecting($"HTTP {status} with error {string.Join(" or ", errors)}", r => $"got HTTP {r.StatusCode} with \"error\" {Field("error").Describe(r)}");

    /// <summary>The metadata the schema requires: the five endpoint URLs and the four lists of what the server supports.</summary>
    public static Matcher<MatrixResponse> RequiredMetadata() =>
        Matchers.All([Status(200), .. RequiredUrls.Select(Url), .. RequiredLists.Select(f => Field(f).IsArrayOfStrings())])
            .Expecting($"HTTP 200 with the URLs {string.Join(", ", RequiredUrls)} and the string arrays {string.Join(", ", RequiredLists)}",
                r => r.StatusCode != 200 ? Got(r) : string.Join("; ", RequiredUrls.Concat(RequiredLists).Select(f => $"\"{f}\" is {Field(f).Describe(r)}")));

    /// <summary>The string field <paramref name="field"/> is an absolute http(s) URL.</summary>
    public static Matcher<MatrixResponse> Url(string field) => Field(field).IsStringWhere($"\"{field}\" to be an absolute http(s) URL", IsAbsoluteUrl);

    /// <summary>An issuer that is an https URL without query or fragment.</summary>
    public static Matcher<MatrixResponse> HttpsIssuer() =>
        Field("issuer").IsStringWhere("an \"issuer\" that is an https URL without a query or fragment",
            i => Uri.TryCreate(i, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && url.Query.Length == 0 && !i.Contains('#', StringComparison.Ordinal));

    /// <summary>A registration answered 201 with a <c>client_id</c> and the registered <paramref name="redirectUri"/>.</summary>
    public static Matcher<MatrixResponse> ClientRegistered(string redirectUri) =>
        Matchers.All(Status(201), Field("client_id").IsNonEmptyString(), Field("redirect_uris").Lists(redirectUri))
            .Expecting($"HTTP 201 with a client_id and redirect_uris listing \"{redirectUri}\"",
                r => $"got HTTP {r.StatusCode}, client_id {Field("client_id").Describe(r)}, redirect_uris {Field("redirect_uris").Describe(r)}");

    /// <summary>A registration made, whatever its 2xx: a <c>client_id</c> came back (the 201 itself is <see cref="ClientRegistered"/>'s).</summary>
    public static Matcher<MatrixResponse> ClientIdGiven() =>
        Matchers.All(Success(), Field("client_id").IsNonEmptyString())
            .Expecting("a 2xx with a client_id", r => $"got HTTP {r.StatusCode} with \"error\" {Field("error").Describe(r)} and client_id {Field("client_id").Describe(r)}");

    /// <summary>A registration refused for its redirect URI: 400 with <c>invalid_redirect_uri</c>, or <c>invalid_client_metadata</c>.</summary>
    /// <remarks>RFC 7591 section 3.2.2 names the first for redirect URIs; a redirect URI is client metadata, so both tell the client what is wrong.</remarks>
    public static Matcher<MatrixResponse> RedirectUriRefused() => Error(400, "invalid_redirect_uri", "invalid_client_metadata");

    /// <summary>No redirect to <paramref name="redirectUri"/>, whatever else the answer is.</summary>
    public static Matcher<MatrixResponse> NoRedirectTo(string redirectUri) =>
        new($"no redirect to {redirectUri} (an error page, or a redirect elsewhere)",
            r => CallbackParameters(r, redirectUri) is null ? null : $"the server redirected there: {r.Summary}");

    /// <summary>
    /// An authorization request taken: the server's page (2xx), or a redirect that is not an error answer to
    /// <paramref name="redirectUri"/> (to the server's own login page, or back with a code).
    /// </summary>
    public static Matcher<MatrixResponse> AuthorizationTaken(string redirectUri) =>
        new("the authorization request taken (the server's page, or a redirect that carries no error)", r =>
            r.IsSuccess ? null
            : r.IsRedirect ? CallbackParameters(r, redirectUri)?.GetValueOrDefault("error") is { } error ? $"the server redirected back with error {error}" : null
            : Got(r));

    /// <summary>
    /// An authorization request refused with <paramref name="error"/>: the error redirect to <paramref name="redirectUri"/>
    /// (RFC 6749 section 4.1.2.1), or a 400 page that tells the user instead.
    /// </summary>
    public static Matcher<MatrixResponse> AuthorizationRefused(string redirectUri, string error) =>
        new($"a redirect to {redirectUri} with error {error}, or HTTP 400", r =>
            r.StatusCode == 400 || CallbackParameters(r, redirectUri)?.GetValueOrDefault("error") == error ? null
            : r.IsRedirect ? $"the server redirected to {r.Summary}"
            : Got(r));

    /// <summary>
    /// A device authorization response (RFC 8628 section 3.2): 200 with a <c>device_code</c>, a <c>user_code</c>, a
    /// <c>verification_uri</c> that is a URL and an integer <c>expires_in</c>.
    /// </summary>
    public static Matcher<MatrixResponse> DeviceAuthorization()
    {
        string[] fields = ["device_code", "user_code", "verification_uri", "expires_in"];
        return Matchers.All(Status(200), Field("device_code").IsNonEmptyString(), Field("user_code").IsNonEmptyString(), Url("verification_uri"), Field("expires_in").IsInteger())
            .Expecting("HTTP 200 with a device_code, a user_code, a verification_uri URL and an integer expires_in",
                r => r.StatusCode != 200 ? Got(r) : string.Join("; ", fields.Select(f => $"\"{f}\" is {Field(f).Describe(r)}")));
    }

    /// <summary>The answer's parameters (query and fragment) when it redirects to <paramref name="redirectUri"/>, else null.</summary>
    private static Dictionary<string, string>? CallbackParameters(MatrixResponse response, string redirectUri)
    {
        if (!response.IsRedirect || !response.Headers.TryGetValue("Location", out var location)
            || !Uri.TryCreate(location, UriKind.Absolute, out var target) || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var expected)
            || Uri.Compare(target, expected, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return null;
        }

        return $"{target.Query.TrimStart('?')}&{target.Fragment.TrimStart('#')}".Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(parts => Uri.UnescapeDataString(parts[0]), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First() is [_, var value] ? Uri.UnescapeDataString(value.Replace('+', ' ')) : string.Empty, StringComparer.Ordinal);
    }

    /// <remarks>http(s) only: on Unix, <see cref="Uri"/> takes a bare path such as <c>/account</c> for an absolute <c>file:</c> URI.</remarks>
    private static bool IsAbsoluteUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
