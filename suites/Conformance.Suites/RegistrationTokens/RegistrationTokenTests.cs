namespace Conformance.Suites.RegistrationTokens;

/// <summary>Token-authenticated registration: the stage, the validity endpoint, wrong tokens.</summary>
public sealed class RegistrationTokenTests : ConformanceTest
{
    [Test, Requirement("RTOKEN-FLOW")]
    public async Task The_registration_token_stage_completes_a_registration()
    {
        var token = NotApplicable.RegistrationToken();
        await NotApplicable.UnlessRegistrationIsOpenAsync();
        var body = new RegistrationParameters { Username = Fake.Localpart(), Password = Fake.Password() }.ToJson();
        var session = RequireTokenStage(await Client.PostRegisterAsync(body));

        var response = await Client.PostRegisterAsync(body.WithAuth(new Conformance.Harness.Uia.RegistrationTokenStage(token).Auth(session)));

        response.Should().HaveStatus(200).And.HaveNonEmptyStringField("user_id");
    }

    /// <remarks>"This should additionally be false if the token is not a recognised token": a SHOULD.</remarks>
    [Test, Requirement("RTOKEN-VALIDITY", RequirementLevel.Should)]
    public async Task An_unknown_token_is_not_valid()
    {
        await NotApplicable.UnlessRegistrationIsOpenAsync();

        var response = await Client.GetRegistrationTokenValidityAsync("unknown" + Fake.DeviceId());

        response.Should().HaveStatus(200).And.HaveBoolField("valid", false);
    }

    [Test, Requirement("RTOKEN-VALIDITY")]
    public async Task The_configured_token_is_valid()
    {
        var token = NotApplicable.RegistrationToken();
        await NotApplicable.UnlessRegistrationIsOpenAsync();

        var response = await Client.GetRegistrationTokenValidityAsync(token);

        response.Should().HaveStatus(200).And.HaveBoolField("valid", true);
    }

    [Test, Requirement("RTOKEN-WRONG")]
    public async Task A_wrong_token_does_not_complete_the_stage_and_keeps_the_session()
    {
        await NotApplicable.UnlessRegistrationIsOpenAsync();
        var body = new RegistrationParameters { Username = Fake.Localpart(), Password = Fake.Password() }.ToJson();
        var session = RequireTokenStage(await Client.PostRegisterAsync(body));

        var response = await Client.PostRegisterAsync(body.WithAuth(new Conformance.Harness.Uia.RegistrationTokenStage("wrong" + Fake.DeviceId()).Auth(session)));

        response.Should().BeUiaChallenge().And.HaveField("errcode").And.HaveStringField("session", session);
    }

    private static string RequireTokenStage(MatrixResponse challenge)
    {
        var uia = Conformance.Harness.Uia.UiaChallenge.From(challenge);
        if (uia is null || !uia.Flows.Any(f => f.Count == 1 && f[0] == "m.login.registration_token"))
        {
            Assert.Inconclusive($"The server offers no flow made of m.login.registration_token alone (it offers {uia?.DescribeFlows() ?? challenge.Summary}).");
        }

        return uia!.Session ?? throw new InconclusiveException("The server's registration challenge has no session to carry the token stage in.");
    }
}
