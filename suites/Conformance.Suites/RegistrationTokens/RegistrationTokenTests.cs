namespace Conformance.Suites.RegistrationTokens;

/// <summary>Token-authenticated registration: the stage, the validity endpoint, wrong tokens.</summary>
public sealed class RegistrationTokenTests : ConformanceTest
{
    private const string TokenStage = "m.login.registration_token";

    /// <summary>A wrong token sent as the first stage of a fresh registration: RTOKEN-WRONG and UIA-STAGE-FAILED judge the one answer.</summary>
    private static readonly OncePerRun<(string Session, MatrixResponse Answer)> WrongTokenSent = new(async client =>
    {
        await client.RequireAsync(Feature.Registration);
        var body = new RegistrationParameters { Username = client.Fake.Localpart(), Password = client.Fake.Password() }.ToJson();
        var session = RequireFlowStartingWithTheTokenStage(await client.PostRegisterAsync(body));
        return (session, await client.PostRegisterAsync(body.WithAuth(new Conformance.Harness.Uia.RegistrationTokenStage("wrong" + client.Fake.DeviceId()).Auth(session))));
    });

    /// <remarks>Any flow with the token stage counts: Synapse requires it before m.login.dummy, others offer it alone.</remarks>
    [Test, Requirement("RTOKEN-FLOW", Quote = "To use this authentication type, clients should submit an auth dict")]
    public async Task The_registration_token_stage_completes_a_registration()
    {
        Client.Require(Setting.RegistrationToken);

        var outcome = await Client.TryRegisterAsync(new() { Username = Fake.Localpart(), Password = Fake.Password() }, throughStage: TokenStage);

        outcome.Should().HaveRegisteredAnAccount();
    }

    /// <remarks>"This should additionally be false if the token is not a recognised token": a SHOULD.</remarks>
    [Test, Requirement("RTOKEN-VALIDITY", RequirementLevel.Should, Quote = "This should additionally be false")]
    public async Task An_unknown_token_is_not_valid()
    {
        await Client.RequireAsync(Feature.Registration);

        var response = await Client.GetRegistrationTokenValidityAsync("unknown" + Fake.DeviceId());

        response.Should().HaveStatus(200).And.HaveBoolField("valid", false);
    }

    [Test, Requirement("RTOKEN-VALIDITY", Quote = "True if the token is still valid")]
    public async Task The_configured_token_is_valid()
    {
        var token = Client.Require(Setting.RegistrationToken);
        await Client.RequireAsync(Feature.Registration);

        var response = await Client.GetRegistrationTokenValidityAsync(token);

        response.Should().HaveStatus(200).And.HaveBoolField("valid", true);
    }

    /// <remarks>403: "The homeserver does not permit registration and thus all tokens are considered invalid."</remarks>
    [Test, Requirement("RTOKEN-VALIDITY", Quote = "The homeserver does not permit registration and thus all tokens are")]
    public async Task On_a_server_that_does_not_permit_registration_the_validity_check_answers_403()
    {
        await Client.RequireAbsentAsync(Feature.Registration);

        var response = await Client.GetRegistrationTokenValidityAsync("any" + Fake.DeviceId());

        response.Should().HaveStatus(403);
    }

    /// <remarks>The 403 is documented; M_FORBIDDEN is only in its example, so the errcode is a SHOULD.</remarks>
    [Test, Requirement("RTOKEN-VALIDITY", RequirementLevel.Should, Quote = "The homeserver does not permit registration and thus all tokens are")]
    public async Task On_a_server_that_does_not_permit_registration_the_validity_check_answers_M_FORBIDDEN()
    {
        await Client.RequireAbsentAsync(Feature.Registration);

        var response = await Client.GetRegistrationTokenValidityAsync("any" + Fake.DeviceId());

        response.Should().BeMatrixError(403, ErrCode.Forbidden);
    }

    [Test, Requirement("RTOKEN-WRONG", Quote = "If the homeserver decides that an attempt on a stage was unsuccessful")]
    public async Task A_wrong_token_does_not_complete_the_stage_and_keeps_the_session()
    {
        var (session, response) = await Client.OnceAsync(WrongTokenSent);

        // The errcode and error a failed stage carries are UIA-STAGE-FAILED's check.
        response.Should().BeUiaChallenge().And.HaveStringField("session", session);
    }

    [Test, Requirement("UIA-STAGE-FAILED", Quote = "with the addition of the standard `errcode` and `error` fields describing the error")]
    public async Task A_wrong_token_is_answered_401_with_the_flows_errcode_and_error()
    {
        var (_, response) = await Client.OnceAsync(WrongTokenSent);

        response.AsAnErrorAnswer("RTOKEN-WRONG").Should().BeFailedUiaStage();
    }

    private static string RequireFlowStartingWithTheTokenStage(MatrixResponse challenge)
    {
        var uia = Conformance.Harness.Uia.UiaChallenge.From(challenge);
        if (uia is null || !uia.Flows.Any(f => f.Count > 0 && f[0] == TokenStage))
        {
            throw NotJudgedReasons.NoCompletableUiaFlow.Exception(
                $"This check sends a token as a flow's first stage; the server offers no flow starting with {TokenStage} (it offers {uia?.DescribeFlows() ?? challenge.Summary}).");
        }

        return uia!.Session ?? throw NotJudgedReasons.NothingToCheckUnderServersChoice.Exception(
            "The server's registration challenge has no session to carry the token stage in.");
    }
}
