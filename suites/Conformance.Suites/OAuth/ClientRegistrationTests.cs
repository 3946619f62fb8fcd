namespace Conformance.Suites.OAuth;

/// <summary>
/// Dynamic client registration (RFC 7591) and the spec's redirect URI validation: each invalid redirect URI is the
/// spec's own example for the client URI <c>https://example.com/</c>.
/// </summary>
public sealed class ClientRegistrationTests : ConformanceTest
{
    [Test, Requirement("OAUTH-DCR-CREATED")]
    public async Task A_client_registration_is_answered_201_with_the_client_id_and_the_registered_redirect_URI()
    {
        var response = await Client.OAuth.PostClientRegistrationAsync(ClientRegistration.Native(RedirectUris.Loopback));

        response.Should().BeAClientRegistration(RedirectUris.Loopback);
    }

    [Test, Requirement("OAUTH-DCR-CREATED")]
    public async Task A_web_client_registration_on_a_subdomain_of_its_client_URI_is_answered_201_with_the_client_id_and_the_redirect_URI()
    {
        var response = await Client.OAuth.PostClientRegistrationAsync(ClientRegistration.Web(RedirectUris.WebOnSubdomain));

        response.Should().BeAClientRegistration(RedirectUris.WebOnSubdomain);
    }

    [Test, Requirement("OAUTH-DCR-UNKNOWN-TYPES")]
    public async Task Response_and_grant_types_the_server_does_not_understand_are_ignored_not_refused()
    {
        var response = await Client.OAuth.PostClientRegistrationAsync(ClientRegistration.Native(RedirectUris.Loopback).WithUnknownTypes());

        response.Should().GiveAClientId();
    }

    [Test, Requirement("OAUTH-REDIRECT-FRAGMENT")]
    public async Task A_redirect_URI_with_a_fragment_is_refused()
    {
        var response = await Client.OAuth.PostClientRegistrationAsync(ClientRegistration.Web(RedirectUris.WithFragment));

        response.Should().BeARedirectUriRefusal();
    }

    [Test, Requirement("OAUTH-REDIRECT-WEB-HTTPS")]
    public async Task A_web_clients_redirect_URI_over_http_is_refused()
    {
        var response = await Client.OAuth.PostClientRegistrationAsync(ClientRegistration.Web(RedirectUris.WebOverHttp));

        response.Should().BeARedirectUriRefusal();
    }

    [Test, Requirement("OAUTH-REDIRECT-WEB-USERINFO")]
    public async Task A_web_clients_redirect_URI_with_a_user_in_its_authority_is_refused()
    {
        var response = await Client.OAuth.PostClientRegistrationAsync(ClientRegistration.Web(RedirectUris.WebWithUser));

        response.Should().BeARedirectUriRefusal();
    }

    [Test, Requirement("OAUTH-REDIRECT-WEB-HOST")]
    public async Task A_web_clients_redirect_URI_off_the_client_URIs_host_is_refused()
    {
        var response = await Client.OAuth.PostClientRegistrationAsync(ClientRegistration.Web(RedirectUris.WebOnOtherHost));

        response.Should().BeARedirectUriRefusal();
    }

    [Test, Requirement("OAUTH-REDIRECT-NATIVE-SCHEME")]
    public async Task A_native_clients_private_use_scheme_not_in_reverse_DNS_notation_of_the_client_URI_is_refused()
    {
        var response = await Client.OAuth.PostClientRegistrationAsync(ClientRegistration.Native(RedirectUris.NativeSchemeNotReverseDns));

        response.Should().BeARedirectUriRefusal();
    }

    [Test, Requirement("OAUTH-REDIRECT-NATIVE-AUTHORITY")]
    public async Task A_native_clients_private_use_scheme_URI_with_an_authority_is_refused()
    {
        var response = await Client.OAuth.PostClientRegistrationAsync(ClientRegistration.Native(RedirectUris.NativeSchemeWithAuthority));

        response.Should().BeARedirectUriRefusal();
    }

    [Test, Requirement("OAUTH-REDIRECT-LOOPBACK-PORT")]
    public async Task A_native_clients_loopback_redirect_URI_with_a_port_is_refused()
    {
        var response = await Client.OAuth.PostClientRegistrationAsync(ClientRegistration.Native(RedirectUris.LoopbackWithPort));

        response.Should().BeARedirectUriRefusal();
    }
}
