namespace Conformance.Suites.OAuth;

/// <summary>
/// The authorization endpoint of the authorization code grant, opened as a browser opens it; the harness follows no
/// redirect, and never logs in: what a person does on the page is the server's own.
/// </summary>
public sealed class AuthorizationTests : ConformanceTest
{
    /// <remarks>
    /// The request is also broken otherwise (an unsupported response type), so a server that does not check the
    /// redirect URI would send its error there.
    /// </remarks>
    [Test, Requirement("OAUTH-AUTHZ-UNREGISTERED", Quote = "MUST NOT automatically redirect")]
    public async Task An_unregistered_redirect_URI_is_never_redirected_to_even_with_an_error()
    {
        var client = await Client.OAuth.SharedClientAsync();
        var request = AuthorizationRequest.Of(client, Fake.DeviceId()).To(RedirectUris.Unregistered).WithUnsupportedResponseType();

        var response = await Client.OAuth.GetAuthorizationAsync(request);

        response.Should().NotRedirectTo(RedirectUris.Unregistered);
    }

    [Test, Requirement("OAUTH-LOOPBACK-ANY-PORT")]
    public async Task A_registered_loopback_redirect_URI_is_taken_on_any_port()
    {
        var client = await Client.OAuth.SharedClientAsync();
        var onPort = RedirectUris.LoopbackOnPort(51234);

        var response = await Client.OAuth.GetAuthorizationAsync(AuthorizationRequest.Of(client, Fake.DeviceId()).To(onPort));

        response.Should().TakeTheAuthorizationRequest(onPort);
    }

    /// <remarks>RFC 6749 has the error redirected to the client; a 400 page that tells the user refuses the request as well.</remarks>
    [Test, Requirement("OAUTH-PKCE-METHOD")]
    public async Task An_unsupported_code_challenge_method_is_refused_with_invalid_request()
    {
        var client = await Client.OAuth.SharedClientAsync();

        var response = await Client.OAuth.GetAuthorizationAsync(AuthorizationRequest.Of(client, Fake.DeviceId()).WithUnsupportedChallengeMethod());

        response.Should().RefuseTheAuthorizationRequest(client.RedirectUri, "invalid_request");
    }

    /// <remarks>Which page the server shows is its own; what the suite can see is that it does not refuse the request.</remarks>
    [Test, Requirement("OAUTH-PROMPT-CREATE", Quote = "SHOULD show the account registration UI")]
    public async Task Where_prompt_create_is_advertised_an_authorization_request_with_it_is_taken()
    {
        await Client.RequireAsync(Feature.PromptCreate);
        var client = await Client.OAuth.SharedClientAsync();

        var response = await Client.OAuth.GetAuthorizationAsync(AuthorizationRequest.Of(client, Fake.DeviceId()).AskingToCreateAnAccount());

        response.Should().TakeTheAuthorizationRequest(client.RedirectUri);
    }
}
