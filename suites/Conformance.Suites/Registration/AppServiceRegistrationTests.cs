namespace Conformance.Suites.Registration;

/// <summary>Registration by an application service (<c>type: m.login.application_service</c>, its token as the access token).</summary>
public sealed class AppServiceRegistrationTests : ConformanceTest
{
    [Test, Requirement("REG-AS-INHIBIT", Quote = "the server MUST return a 400 HTTP status code")]
    public async Task Without_legacy_login_an_appservice_registration_without_inhibit_login_is_refused_M_APPSERVICE_LOGIN_UNSUPPORTED()
    {
        var asToken = Client.Require(Setting.AppServiceToken);
        var prefix = Client.Require(Setting.ExclusiveUsernamePrefix);
        await Client.RequireAbsentAsync(Feature.LegacyLogin);

        var response = await Client.PostAppServiceRegisterAsync(asToken, prefix + Fake.Localpart());

        response.Should().BeMatrixError(400, "M_APPSERVICE_LOGIN_UNSUPPORTED");
    }

    [Test, Requirement("AS-REGISTER-NO-LEGACY", Quote = "Servers MUST still allow application services to use the `/register` endpoint")]
    public async Task Without_legacy_login_an_appservice_still_registers_a_user_in_its_namespace_with_inhibit_login()
    {
        var asToken = Client.Require(Setting.AppServiceToken);
        var prefix = Client.Require(Setting.ExclusiveUsernamePrefix);
        await Client.RequireAbsentAsync(Feature.LegacyLogin);

        var response = await Client.PostAppServiceRegisterAsync(asToken, prefix + Fake.Localpart(), inhibitLogin: true);

        response.Should().HaveStatus(200).And.HaveNonEmptyStringField("user_id");
    }
}
