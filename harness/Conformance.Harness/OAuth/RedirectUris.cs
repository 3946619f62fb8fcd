namespace Conformance.Harness.OAuth;

/// <summary>
/// The client URI and redirect URIs the harness registers: the spec's own examples of valid and invalid redirect URIs
/// for the client URI <c>https://example.com/</c>.
/// </summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#redirect-uri-validation</remarks>
public static class RedirectUris
{
    /// <summary>The client URI every registration names.</summary>
    public const string ClientUri = "https://example.com/";

    /// <summary>A native client's loopback redirect URI (valid; the server must take it on any port).</summary>
    public const string Loopback = "http://127.0.0.1/callback";

    /// <summary>A web client's redirect URI on a subdomain of the client URI's host (valid).</summary>
    public const string WebOnSubdomain = "https://app.example.com/callback";

    /// <summary>A loopback URI no client registered.</summary>
    public const string Unregistered = "http://127.0.0.1/unregistered";

    /// <summary>Invalid in every case: a fragment.</summary>
    public const string WithFragment = "https://example.com/callback#fragment";

    /// <summary>Invalid for a web client: not https.</summary>
    public const string WebOverHttp = "http://example.com/callback";

    /// <summary>Invalid for a web client: a user in the authority.</summary>
    public const string WebWithUser = "https://user@example.com/callback";

    /// <summary>Invalid for a web client: neither the client URI's host nor a subdomain of it.</summary>
    public const string WebOnOtherHost = "https://app.com/callback";

    /// <summary>Invalid for a native client: a private-use scheme that is not the client URI's host in reverse-DNS notation.</summary>
    public const string NativeSchemeNotReverseDns = "example:/callback";

    /// <summary>Invalid for a native client: a private-use scheme URI with an authority component.</summary>
    public const string NativeSchemeWithAuthority = "com.example.app://callback";

    /// <summary>Invalid for a native client: a loopback URI with a port.</summary>
    public const string LoopbackWithPort = "http://localhost:1234/callback";

    /// <summary><see cref="Loopback"/> on <paramref name="port"/>, as a native client listening there sends it.</summary>
    public static string LoopbackOnPort(int port) => new UriBuilder(Loopback) { Port = port }.Uri.AbsoluteUri;
}
