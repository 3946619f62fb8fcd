namespace Conformance.Suites.AppServices;

/// <summary>
/// An application service's registration and login of users (<c>type: m.login.application_service</c>, its
/// <c>as_token</c> as the access token). Each needs the run's appservice (its token and namespace). A server with
/// registration closed may refuse every registration with 403 before it reads the type, as it may refuse people's:
/// no verdict then (Synapse lets appservices register on a closed server, and is judged).
/// </summary>
public sealed class AppServiceRegistrationAndLoginTests : ConformanceTest
{
    private const string OnlyApplicationServices = "accessible only by application services";

    private const string WillReturn401 = "`M_MISSING_TOKEN` or `M_UNKNOWN_TOKEN` error code and 401 as the HTTP status code";

    /// <summary>An appservice registration without a token, once per run: the refusal and its status and errcode are judged apart.</summary>
    private static readonly OncePerRun<MatrixResponse> RegistrationWithoutToken = new(async client =>
    {
        var prefix = client.Require(Setting.ExclusiveUsernamePrefix);
        var response = await client.PostAppServiceRegisterAsync(null, prefix + client.Fake.Localpart());
        await client.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(response);
        return response;
    });

    /// <summary>An appservice registration with an unknown token, once per run.</summary>
    private static readonly OncePerRun<MatrixResponse> RegistrationWithUnknownToken = new(async client =>
    {
        var prefix = client.Require(Setting.ExclusiveUsernamePrefix);
        await client.AccessTokensAreReadAsync();
        var response = await client.PostAppServiceRegisterAsync("not-an-as-token-" + client.Fake.DeviceId(), prefix + client.Fake.Localpart());
        await client.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(response);
        return response;
    });

    /// <summary>An appservice login without a token, once per run.</summary>
    private static readonly OncePerRun<MatrixResponse> LoginWithoutToken = new(async client =>
    {
        var prefix = client.Require(Setting.ExclusiveUsernamePrefix);
        await client.RequireAsync(Feature.LegacyLogin);
        return await client.PostAppServiceLoginAsync(null, prefix + client.Fake.Localpart());
    });

    /// <summary>An appservice login with an unknown token, once per run.</summary>
    private static readonly OncePerRun<MatrixResponse> LoginWithUnknownToken = new(async client =>
    {
        var prefix = client.Require(Setting.ExclusiveUsernamePrefix);
        await client.RequireAsync(Feature.LegacyLogin);
        await client.AccessTokensAreReadAsync();
        return await client.PostAppServiceLoginAsync("not-an-as-token-" + client.Fake.DeviceId(), prefix + client.Fake.Localpart());
    });

    /// <remarks>
    /// The application service API says 401 M_UNKNOWN_TOKEN for an unknown token; the client-server API's appservice
    /// login says "If the access token is not valid ... the homeserver will respond with an errcode of M_FORBIDDEN", so
    /// either passes for a login.
    /// </remarks>
    public static IEnumerable<TestCaseData> RequestsWithoutAValidToken() =>
    [
        RefusalCase.Shared("registration without a token", RegistrationWithoutToken, (401, ErrCode.MissingToken)).ToTestCase(),
        RefusalCase.Shared("registration with an unknown token", RegistrationWithUnknownToken, (401, ErrCode.UnknownToken)).ToTestCase(),
        RefusalCase.Shared("login without a token", LoginWithoutToken, (401, ErrCode.MissingToken)).ToTestCase(),
        RefusalCase.Shared("login with an unknown token", LoginWithUnknownToken, (401, ErrCode.UnknownToken), (403, ErrCode.Forbidden)).ToTestCase(),
    ];

    [TestCaseSource(nameof(RequestsWithoutAValidToken))]
    [Requirement("AS-TOKEN-INVALID", Quote = OnlyApplicationServices)]
    public async Task An_appservice_registration_or_login_without_a_valid_token_is_refused_and_makes_no_account_or_session(RefusalCase refusal)
    {
        var response = await refusal.Answer(Client);

        response.Should().BeARefusal().And.NotRegisterAnAccount();
    }

    [TestCaseSource(nameof(RequestsWithoutAValidToken))]
    [Requirement("AS-TOKEN-INVALID", RequirementLevel.Should, Quote = WillReturn401)]
    public async Task An_appservice_registration_or_login_without_a_valid_token_answers_401_M_MISSING_TOKEN_or_M_UNKNOWN_TOKEN(RefusalCase refusal)
    {
        var response = await refusal.Answer(Client);

        response.Should().BeOneOfTheMatrixErrors(refusal.Allowed);
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

    [Test, Requirement("AS-EXCLUSIVE", Quote = "Homeservers MUST perform the relevant checks")]
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
