using System.Text.Json.Nodes;

namespace Conformance.Suites.Uia;

/// <summary>User-interactive authentication of POST /register.</summary>
public sealed class RegistrationUiaTests : ConformanceTest
{
    [Test, Requirement("REG-UIA-401", Quote = "they must still give a 401 response to requests with no auth data")]
    public async Task Registration_without_auth_is_answered_401_with_flows_of_stages()
    {
        await Client.RequireAsync(Feature.Registration);
        var body = new RegistrationParameters { Username = Fake.Localpart(), Password = Fake.Password() }.ToJson();

        var response = await Client.PostRegisterAsync(body);

        response.Should().BeUiaChallenge();
    }

    /// <remarks>
    /// The spec binds the server only through the flows: "Failing to follow the flows in order must result in an HTTP
    /// 401 response". A made-up session with a one-stage flow's stage may legally start a new session and complete it
    /// (Dendrite accepts any session ID; Synapse starts one for auth without a session), so only a stage that comes
    /// after another is a check: sent with a session the server never issued, it must complete nothing.
    /// </remarks>
    [Test, Requirement("REG-UIA-SESSION", Quote = "Failing to follow the flows in order")]
    public async Task A_session_the_server_never_issued_does_not_let_a_client_skip_a_stage()
    {
        await Client.RequireAsync(Feature.Registration);
        var body = new RegistrationParameters { Username = Fake.Localpart(), Password = Fake.Password() }.ToJson();
        var challenge = (await Client.PostRegisterAsync(body)).AsRegistrationChallenge();
        var uia = UiaChallenge.From(challenge)!;
        var later = uia.StageThatWouldSkipAnother(type => Client.RegistrationStage(type) is not null)
            ?? throw NotJudgedReasons.NothingToCheckUnderServersChoice.Exception(
                $"The server offers no flow of several stages the suite can complete (it offers {uia.DescribeFlows()}), so no stage can be skipped.");

        var neverIssued = Fake.DeviceId() + "-not-issued";
        var response = await Client.PostRegisterAsync(body.WithAuth(Client.RegistrationStage(later)!.Auth(neverIssued)));

        response.Should().NotRegisterAnAccount();
    }

    [Test, Requirement("REG-UIA-SESSION", Quote = "Failing to follow the flows in order")]
    public async Task A_stage_from_no_offered_flow_is_answered_401()
    {
        var body = new RegistrationParameters { Username = Fake.Localpart(), Password = Fake.Password() }.ToJson();
        var session = await DummySessionAsync(body);

        var response = await Client.PostRegisterAsync(body.WithAuth(new JsonObject { ["type"] = "org.example.not_offered", ["session"] = session }));

        response.Should().HaveStatus(401);
    }

    [Test, Requirement("REG-UIA-SESSION", Quote = "Completed stages cannot be retried")]
    public async Task Retrying_a_completed_session_gives_the_result_or_401_never_a_second_account()
    {
        var username = Fake.Localpart();
        var body = new RegistrationParameters { Username = username, Password = Fake.Password() }.ToJson();
        var session = await DummySessionAsync(body);
        // The client resubmits the same request with auth added, as the spec has it.
        var completing = body.WithAuth(new JsonObject { ["type"] = "m.login.dummy", ["session"] = session });
        var first = (await Client.PostRegisterAsync(completing.DeepClone().AsObject())).AsCompletedRegistration();

        var retry = await Client.PostRegisterAsync(completing.DeepClone().AsObject());

        retry.Should().BeTheSameRegistrationOrUiaRefusal(first.StringField("user_id")!);
    }

    [Test, Requirement("REG-CHECKS-BEFORE-UIA", Quote = "Homeservers MUST perform the relevant checks")]
    public async Task A_taken_username_is_refused_on_the_first_request_before_UIA()
    {
        await Client.RequireAsync(Feature.Registration);
        var taken = await Client.OnceAsync(Registration.TakenUsername.Account);

        var response = await Client.PostRegisterAsync(new RegistrationParameters { Username = taken.UserId.Localpart, Password = Fake.Password() }.ToJson());

        // The rule names the codes to return before UIA: the errcode is part of it, not only the moment.
        response.Should().BeMatrixError(400, ErrCode.UserInUse);
    }

    [Test, Requirement("REG-CHECKS-BEFORE-UIA", Quote = "Homeservers MUST perform the relevant checks")]
    public async Task A_username_in_an_appservice_exclusive_namespace_is_refused_M_EXCLUSIVE_before_UIA()
    {
        var prefix = Client.Require(Setting.ExclusiveUsernamePrefix);
        await Client.RequireAsync(Feature.Registration);

        var response = await Client.PostRegisterAsync(new RegistrationParameters { Username = prefix + Fake.Localpart(), Password = Fake.Password() }.ToJson());

        response.Should().BeMatrixError(400, ErrCode.Exclusive);
    }

    [Test, Requirement("REG-CHECKS-BEFORE-UIA", Quote = "Homeservers MUST perform the relevant checks")]
    public async Task An_unmappable_username_is_refused_before_UIA_or_mapped_after_it()
    {
        await Client.RequireAsync(Feature.Registration);
        var parameters = new RegistrationParameters { Username = Fake.Localpart() + ":colon", Password = Fake.Password() };

        var first = await Client.PostRegisterAsync(parameters.ToJson());

        // A server that maps the name answers 401 and registers a valid ID; one that refuses must refuse now.
        if (first.StatusCode == 401)
        {
            var outcome = await Client.TryRegisterAsync(parameters);
            outcome.Should().HaveRegisteredAnAccount();
        }
        else
        {
            first.Should().BeMatrixError(400, ErrCode.InvalidUsername);
        }
    }

    /// <summary>Starts a registration session by hand; Inconclusive unless registration is open and offers m.login.dummy.</summary>
    private async Task<string> DummySessionAsync(JsonObject body)
    {
        await Client.RequireAsync(Feature.Registration);
        return RequireDummyFlow(await Client.PostRegisterAsync(body));
    }

    private static string RequireDummyFlow(MatrixResponse challenge)
    {
        challenge.AsRegistrationChallenge();
        var uia = UiaChallenge.From(challenge)!;
        if (!uia.Flows.Any(f => f.Count == 1 && f[0] == "m.login.dummy"))
        {
            throw NotJudgedReasons.NoCompletableUiaFlow.Exception(
                $"This check drives the session by hand with a flow of m.login.dummy alone; the server offers {uia.DescribeFlows()}.");
        }

        return uia.Session ?? throw NotJudgedReasons.NothingToCheckUnderServersChoice.Exception(
            "The server issued no session, so there is nothing to carry across requests.");
    }
}
