namespace Conformance.Suites.AppServices;

/// <summary>
/// An application service's registration and login of users (<c>type: m.login.application_service</c>, its
/// <c>as_token</c> as the access token). Each needs the run's appservice (its token and namespace). A server with
/// registration closed may refuse every registration with 403 before it reads the type, as it may refuse people's:
/// no verdict then (Synapse lets appservices register on a closed server, and is judged).
/// </summary>
public sealed class AppServiceRegistrationAndLoginTests : ConformanceTest
{
    [Test, Requirement("AS-TOKEN-INVALID", Quote = "`M_MISSING_TOKEN` or `M_UNKNOWN_TOKEN` error code and 401 as the HTTP status code")]
    public async Task Appservice_registration_without_a_token_answers_401_M_MISSING_TOKEN()
    {
        var prefix = Client.Require(Setting.ExclusiveUsernamePrefix);

        var response = await Client.PostAppServiceRegisterAsync(null, prefix + Fake.Localpart());

        await Client.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(response);

        response.Should().BeMatrixError(401, ErrCode.MissingToken);
    }

    [Test, Requirement("AS-TOKEN-INVALID", Quote = "`M_MISSING_TOKEN` or `M_UNKNOWN_TOKEN` error code and 401 as the HTTP status code")]
    public async Task Appservice_registration_with_an_unknown_token_answers_401_M_UNKNOWN_TOKEN()
    {
        var prefix = Client.Require(Setting.ExclusiveUsernamePrefix);
        await Client.AccessTokensAreReadAsync();

        var response = await Client.PostAppServiceRegisterAsync("not-an-as-token-" + Fake.DeviceId(), prefix + Fake.Localpart());

        await Client.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(response);

        response.Should().BeMatrixError(401, ErrCode.UnknownToken);
    }

    [Test, Requirement("AS-TOKEN-INVALID", Quote = "`M_MISSING_TOKEN` or `M_UNKNOWN_TOKEN` error code and 401 as the HTTP status code")]
    public async Task Appservice_login_without_a_token_answers_401_M_MISSING_TOKEN()
    {
        var prefix = Client.Require(Setting.ExclusiveUsernamePrefix);
        await Client.RequireAsync(Feature.LegacyLogin);

        var response = await Client.PostAppServiceLoginAsync(null, prefix + Fake.Localpart());

        response.Should().BeMatrixError(401, ErrCode.MissingToken);
    }

    /// <remarks>
    /// The application service API says 401 M_UNKNOWN_TOKEN; the client-server API's appservice login says "If the
    /// access token is not valid ... the homeserver will respond with an errcode of M_FORBIDDEN". Both pass.
    /// </remarks>
    [Test, Requirement("AS-TOKEN-INVALID", Quote = "`M_MISSING_TOKEN` or `M_UNKNOWN_TOKEN` error code and 401 as the HTTP status code")]
    public async Task Appservice_login_with_an_unknown_token_answers_401_M_UNKNOWN_TOKEN_or_403_M_FORBIDDEN()
    {
        var prefix = Client.Require(Setting.ExclusiveUsernamePrefix);
        await Client.RequireAsync(Feature.LegacyLogin);
        await Client.AccessTokensAreReadAsync();

        var response = await Client.PostAppServiceLoginAsync("not-an-as-token-" + Fake.DeviceId(), prefix + Fake.Localpart());

        response.Should().BeOneOfTheMatrixErrors((401, ErrCode.UnknownToken), (403, ErrCode.Forbidden));
    }

    [Test, Requirement("AS-REGISTER", Quote = "to set the desired user ID without a password")]
    public async Task Appservice_registration_of_a_user_in_its_namespace_answers_user_id_access_token_and_device_id()
    {
        var asToken = Client.Require(Setting.AppServiceToken);
        var prefix = Client.Require(Setting.ExclusiveUsernamePrefix);
        // Without legacy login the registration must say inhibit_login (REG-AS-INHIBIT judges that case).
        await Client.RequireAsync(Feature.LegacyLogin);
        await Client.AccessTokensAreReadAsync();

        var response = await Client.PostAppServiceRegisterAsync(asToken, prefix + Fake.Localpart());

        await Client.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(response);

        response.Should().HaveStatus(200)
            .And.HaveNonEmptyStringField("user_id")
            .And.HaveNonEmptyStringField("access_token")
            .And.HaveNonEmptyStringField("device_id");
    }

    [Test, Requirement("AS-EXCLUSIVE", Quote = "create users or aliases *outside* of their defined namespaces")]
    public async Task Appservice_registration_of_a_user_outside_its_namespace_answers_400_M_EXCLUSIVE()
    {
        var asToken = Client.Require(Setting.AppServiceToken);
        await Client.AccessTokensAreReadAsync();

        var response = await Client.PostAppServiceRegisterAsync(asToken, Fake.Localpart(), inhibitLogin: true);

        await Client.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(response);

        response.Should().BeMatrixError(400, ErrCode.Exclusive);
    }

    [Test, Requirement("AS-LOGIN", Quote = "including the `as_token` on a `/login` request")]
    public async Task Appservice_login_as_a_user_it_registered_answers_access_token_device_id_and_user_id()
    {
        var asToken = Client.Require(Setting.AppServiceToken);
        await Client.RequireAsync(Feature.LegacyLogin);
        var user = await Client.AppServiceUserAsync();

        var response = await Client.PostAppServiceLoginAsync(asToken, user.Value);

        response.Should().HaveStatus(200)
            .And.HaveStringField("user_id", user.Value)
            .And.HaveNonEmptyStringField("access_token")
            .And.HaveNonEmptyStringField("device_id");
    }
}
