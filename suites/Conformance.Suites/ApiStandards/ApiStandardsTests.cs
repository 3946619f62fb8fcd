namespace Conformance.Suites.ApiStandards;

/// <summary>Content types, the error shape, unknown endpoints, CORS and rate limiting.</summary>
public sealed class ApiStandardsTests : ConformanceTest
{
    [TestCaseSource(typeof(ProbeRequests), nameof(ProbeRequests.JsonAnswers))]
    [Requirement("API-JSON-CT")]
    public async Task JSON_responses_carry_Content_Type_application_json(MatrixRequest request)
    {
        var response = await Client.SendAsync(request);

        response.Should().HaveJsonContentType();
    }

    [TestCaseSource(typeof(ProbeRequests), nameof(ProbeRequests.ErrorAnswers))]
    [Requirement("API-ERROR-SHAPE", Quote = "MUST always be present")]
    public async Task Error_bodies_are_objects_with_string_errcode_and_error(MatrixRequest request, string refusedBy)
    {
        var response = await Client.SendAsync(request);

        Requiring.NoVerdictOnAUiaChallenge(response);
        response.AsAnErrorAnswer(refusedBy).Should().HaveStandardErrorBody();
    }

    [Test, Requirement("API-UNRECOGNIZED")]
    public async Task An_unknown_endpoint_is_answered_404_M_UNRECOGNIZED()
    {
        var response = await Client.SendRawAsync(HttpMethod.Get, "/_matrix/client/v3/org.example.no_such_endpoint");

        response.Should().BeMatrixError(404, ErrCode.Unrecognized);
    }

    [Test, Requirement("API-UNRECOGNIZED")]
    public async Task A_known_path_with_a_wrong_method_is_answered_405_M_UNRECOGNIZED()
    {
        var response = await Client.SendRawAsync(HttpMethod.Put, "/_matrix/client/v3/register");

        response.Should().BeMatrixError(405, ErrCode.Unrecognized);
    }

    /// <remarks>With a valid token: the spec orders no check of the token before the method, so without one a 401 would be no verdict.</remarks>
    [TestCase("DELETE")]
    [TestCase("POST")]
    [Requirement("API-UNRECOGNIZED")]
    public async Task An_authenticated_path_with_a_wrong_method_and_a_valid_token_is_answered_405_M_UNRECOGNIZED(string method)
    {
        var account = await Client.SharedAccountAsync();

        var response = await Client.SendRawAsync(new HttpMethod(method), "/_matrix/client/v3/account/whoami", account.AccessToken);

        response.Should().BeMatrixError(405, ErrCode.Unrecognized);
    }

    [TestCase("/_matrix/client/v3/account/whoami")]
    [TestCase("/_matrix/client/v3/register")]
    [TestCase("/_matrix/client/v3/logout")]
    [Requirement("CORS-OPTIONS", Quote = "MUST NOT perform any logic")]
    public async Task OPTIONS_is_answered_without_running_the_endpoint(string path)
    {
        var response = await Client.SendRawAsync(HttpMethod.Options, path);

        response.Should().BeSuccessfulWithoutRunningTheEndpoint();
    }

    /// <remarks>The OPTIONS carries the real session's last stage: a server that ran the endpoint would register the account.</remarks>
    [Test, Requirement("CORS-OPTIONS", Quote = "MUST NOT perform any logic")]
    public async Task OPTIONS_carrying_a_complete_registration_creates_no_account()
    {
        var username = Fake.Localpart();
        await Client.SendCompletingRegistrationAsOptionsAsync(new RegistrationParameters { Username = username, Password = Fake.Password() });

        var response = await Client.AvailabilityOfAsync(username);

        response.Should().HaveStatus(200).And.HaveBoolField("available", true);
    }

    [Test, Requirement("AUTH-DISCOVERY", Quote = "the server SHOULD respond with 404 and an `M_UNRECOGNIZED` error code")]
    public async Task Without_the_OAuth_API_auth_metadata_is_answered_404_M_UNRECOGNIZED()
    {
        await Client.RequireAbsentAsync(Feature.OAuthApi);

        var response = await Client.GetAuthMetadataAsync();

        response.Should().BeMatrixError(404, ErrCode.Unrecognized);
    }

    [Test, Requirement("AUTH-DISCOVERY-LEGACY", Quote = "the server SHOULD respond with 404 and an `M_UNRECOGNIZED` error code")]
    public async Task Without_the_legacy_API_GET_login_is_answered_404_M_UNRECOGNIZED()
    {
        await Client.RequireAbsentAsync(Feature.LegacyLogin);

        var response = await Client.GetLoginFlowsAsync();

        response.Should().BeMatrixError(404, ErrCode.Unrecognized);
    }

    [TestCaseSource(typeof(ProbeRequests), nameof(ProbeRequests.CorsAnswers))]
    [Requirement("CORS-HEADERS", Quote = "The recommended CORS headers")]
    public async Task Responses_carry_the_CORS_headers(MatrixRequest request)
    {
        var response = await Client.SendAsync(request);

        response.Should().HaveHeaderListing("Access-Control-Allow-Origin", "*")
            .And.HaveHeaderListing("Access-Control-Allow-Methods", "GET", "POST", "PUT", "DELETE", "OPTIONS")
            .And.HaveHeaderListing("Access-Control-Allow-Headers", "X-Requested-With", "Content-Type", "Authorization");
    }

    /// <remarks>
    /// Judges the first 429 the run met, whichever test met it, so the check costs no login or registration of its own;
    /// before any, it asks the registration-token validity endpoint, which Synapse limits by default.
    /// </remarks>
    [Test, Requirement("RATE-429")]
    public async Task A_rate_limited_answer_is_429_M_LIMIT_EXCEEDED_with_Retry_After()
    {
        var limited = await Client.FirstRateLimitedAnswerAsync(ProbeRequests.TokenValidity(), attempts: 12);

        limited.Should().BeMatrixError(429, ErrCode.LimitExceeded).And.HaveRetryAfterHeader();
    }
}
