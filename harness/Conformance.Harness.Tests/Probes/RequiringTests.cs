using Conformance.Harness.Client;
using Conformance.Harness.Probes;
using Conformance.Harness.Running;
using Conformance.Harness.Targets;
using Conformance.Harness.Tests.Support;

namespace Conformance.Harness.Tests.Probes;

/// <summary>
/// A test says what it needs of the server through its client, and gets Inconclusive with the probed reason when the
/// server lacks it; no run is started: the client's own context holds the probes and settings.
/// </summary>
public sealed class RequiringTests
{
    private const string NoLegacyLogin = """{"errcode":"M_UNRECOGNIZED","error":"Unrecognized request"}""";
    private const string PasswordFlows = """{"flows":[{"type":"m.login.password"}]}""";

    [Test]
    public async Task A_missing_feature_ends_the_test_with_its_reason_and_the_exchange_that_showed_it()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, 404, NoLegacyLogin));
        await using var context = ContextFor(server);

        var require = () => Client(context).RequireAsync(Feature.LegacyLogin);

        var message = (await require.Should().ThrowAsync<InconclusiveException>()).Which.Message;
        message.Should().StartWith("Not judged: This server has no legacy login (GET /login answers 404).\n"
                + "GET /login was answered HTTP 404 with errcode M_UNRECOGNIZED: the legacy API is not offered (accounts live with an OAuth 2.0 provider, or elsewhere).\n")
            .And.Contain("GET " + server.BaseUrl + "_matrix/client/v3/login")
            .And.EndWith("\nTo judge it: " + NotJudgedReasons.NoLegacyLogin.Remedy);
    }

    [Test]
    public async Task A_feature_that_needs_another_gives_the_reason_of_the_one_it_needs()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, 404, NoLegacyLogin));
        await using var context = ContextFor(server);

        var require = () => Client(context).RequireAsync(Feature.PasswordLogin);

        (await require.Should().ThrowAsync<InconclusiveException>())
            .Which.Message.Should().StartWith("Not judged: " + NotJudgedReasons.NoLegacyLogin.Group + ".");
    }

    [Test]
    public async Task A_rule_for_servers_without_a_feature_is_not_judged_where_it_is_offered_and_one_answer_serves_every_login_probe()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, 200, PasswordFlows));
        await using var context = ContextFor(server);
        var client = Client(context);

        await client.RequireAsync(Feature.PasswordLogin);
        var requireAbsent = () => client.RequireAbsentAsync(Feature.LegacyLogin);

        (await requireAbsent.Should().ThrowAsync<InconclusiveException>()).Which.Message.Should().Be(
            NotJudgedReasons.RuleForServersWithoutTheFeature.Message(Feature.LegacyLogin.WhenPresent));
        await client.Invoking(c => c.RequireAbsentAsync(Feature.LoginTokens)).Should().NotThrowAsync();
        server.Seen.Should().ContainSingle("GET /login answers the legacy-login, password-login and get_token probes at once");
        context.Probes.Findings().Should().Equal(
            ("Login tokens (get_token)", "get_token is not offered: GET /login, answered HTTP 200 with no errcode, advertises no m.login.token flow with get_login_token true."),
            ("Legacy login (/login)", "offered"),
            ("Password login", "offered"));
    }

    [Test]
    public async Task A_setting_is_its_value_when_given_and_ends_the_test_naming_its_variable_when_not()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Json.WriteAsync(context, 200, "{}"));
        await using var given = ContextFor(server, new SuiteSettings { RegistrationToken = "tok-123" });
        await using var none = ContextFor(server);

        var require = () => Client(none).Require(Setting.RegistrationToken);

        Client(given).Require(Setting.RegistrationToken).Should().Be("tok-123");
        require.Should().Throw<InconclusiveException>().Which.Message.Should().Be(NotJudgedReasons.SettingNotGiven.Message(Setting.RegistrationToken.WhenMissing))
            .And.Contain("CONFORMANCE_REGISTRATION_TOKEN");
        server.Seen.Should().BeEmpty("settings are the run's, never asked of the server");
    }

    [TestCase(403, true, TestName = "A 403 from a server with registration closed is no verdict")]
    [TestCase(400, false, TestName = "Any other answer from a server with registration closed is judged")]
    public async Task A_refusal_while_registration_is_closed_is_no_verdict(int status, bool noVerdict)
    {
        // Registration itself is refused (the probe's POST /register); the answer under test is the availability check's.
        await using var server = await ScriptedServer.StartAsync((context, _) => context.Request.Method == "POST"
            ? Json.WriteAsync(context, 403, """{"errcode":"M_FORBIDDEN","error":"closed"}""")
            : Json.WriteAsync(context, status, """{"errcode":"M_FORBIDDEN","error":"closed"}"""));
        await using var context = ContextFor(server);
        var client = Client(context);
        var answer = await client.GetRegisterAvailableAsync("alice");

        var check = () => client.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(answer);

        if (noVerdict)
        {
            (await check.Should().ThrowAsync<InconclusiveException>()).Which.Message.Should().StartWith(
                "Not judged: Refused with 403 because registration is closed.\nThe server answered HTTP 403 with errcode M_FORBIDDEN; registration is closed here "
                + "(Registration is closed on this server: a fresh, valid username without auth was answered HTTP 403 with errcode M_FORBIDDEN.).");
        }
        else
        {
            await check.Should().NotThrowAsync();
        }
    }

    private static ConformanceRun ContextFor(ScriptedServer server, SuiteSettings? settings = null)
    {
        var target = HomeserverTarget.Remote(server.BaseUrl);
        var report = Harness.Reporting.RunReport.Start(Path.Combine(Path.GetTempPath(), "requiring-" + Guid.NewGuid().ToString("N"), "allure-results"));
        var facts = new Harness.Reporting.RunFacts(target.Describe(), null, ["v1.19"], 1, null);
        return new(settings ?? new SuiteSettings { Seed = 1 }, target, Transports.For(server.BaseUrl), ["v1.19"], report, null, facts, _ => { });
    }

    private static MatrixClient Client(ConformanceRun context) => new(context, new ExchangeLog());
}
