namespace Conformance.Suites.OAuth;

/// <summary>
/// OAuth 2.0 aware clients (v1.18): what a server promises when its GET /login marks the <c>m.login.sso</c> flow
/// <c>oauth_aware_preferred: true</c>.
/// </summary>
public sealed class OAuthAwareClientTests : ConformanceTest
{
    /// <summary>Where the SSO login would return the browser; never visited, as the redirect is not followed.</summary>
    private const string SsoCallback = "https://example.com/sso-callback";

    [Test, Requirement("OAUTH-AWARE-API", Quote = "Support the OAuth 2.0 API.")]
    public async Task A_server_preferring_its_SSO_flow_for_OAuth_aware_clients_offers_the_OAuth_API()
    {
        await Client.RequireAsync(Feature.OAuthAwareClients);

        var response = await Client.GetAuthMetadataAsync();

        response.Should().HaveStatus(200).And.HaveJsonObjectBody();
    }

    [TestCase("login"), TestCase("register")]
    [Requirement("OAUTH-AWARE-SSO", Quote = "Support a value for the `action` param on the SSO redirect endpoints.")]
    public async Task The_SSO_redirect_of_a_server_preferring_it_for_OAuth_aware_clients_takes_the_action(string action)
    {
        await Client.RequireAsync(Feature.OAuthAwareClients);

        var response = await Client.GetSsoRedirectAsync(SsoCallback, action);

        response.Should().RedirectToTheSsoInterface();
    }

    [Test, Requirement("OAUTH-AWARE-ACCOUNT-MANAGEMENT", Quote = "Advertise the account management URL in the server metadata.")]
    public async Task A_server_preferring_its_SSO_flow_for_OAuth_aware_clients_advertises_an_account_management_URL()
    {
        await Client.RequireAsync(Feature.OAuthAwareClients);
        await Client.RequireAsync(Feature.OAuthApi);

        var metadata = await Client.OAuth.MetadataAsync();

        metadata.Response.Should().HaveField("account_management_uri");
    }
}
