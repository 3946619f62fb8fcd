namespace Conformance.Suites.OAuth;

/// <summary>GET /auth_metadata: the OAuth 2.0 authorization server metadata and what it must list.</summary>
public sealed class ServerMetadataTests : ConformanceTest
{
    [Test, Requirement("OAUTH-METADATA-REQUIRED")]
    public async Task The_metadata_has_the_endpoint_URLs_and_the_supported_values_the_schema_requires()
    {
        var metadata = await Client.OAuth.MetadataAsync();

        metadata.Response.Should().HaveTheRequiredOAuthMetadata();
    }

    [Test, Requirement("OAUTH-METADATA-ISSUER")]
    public async Task The_issuer_is_an_https_URL_without_query_or_fragment()
    {
        var metadata = await Client.OAuth.MetadataAsync();

        metadata.Response.Should().HaveAnHttpsIssuer();
    }

    [Test, Requirement("OAUTH-METADATA-CODE")]
    public async Task The_supported_response_types_include_code()
    {
        var metadata = await Client.OAuth.MetadataAsync();

        metadata.Response.Should().HaveArrayListing("response_types_supported", "code");
    }

    [Test, Requirement("OAUTH-METADATA-GRANTS")]
    public async Task The_supported_grant_types_include_authorization_code_and_refresh_token()
    {
        var metadata = await Client.OAuth.MetadataAsync();

        metadata.Response.Should().HaveArrayListing("grant_types_supported", "authorization_code", "refresh_token");
    }

    [Test, Requirement("OAUTH-METADATA-MODES")]
    public async Task The_supported_response_modes_include_query_and_fragment()
    {
        var metadata = await Client.OAuth.MetadataAsync();

        metadata.Response.Should().HaveArrayListing("response_modes_supported", "query", "fragment");
    }

    [Test, Requirement("OAUTH-METADATA-S256")]
    public async Task The_supported_code_challenge_methods_include_S256()
    {
        var metadata = await Client.OAuth.MetadataAsync();

        metadata.Response.Should().HaveArrayListing("code_challenge_methods_supported", "S256");
    }

    [Test, Requirement("OAUTH-ACCOUNT-MANAGEMENT")]
    public async Task An_advertised_account_management_URI_is_a_URL()
    {
        await Client.RequireAsync(Feature.AccountManagement);

        var metadata = await Client.OAuth.MetadataAsync();

        metadata.Response.Should().HaveAUrlIn("account_management_uri");
    }
}
