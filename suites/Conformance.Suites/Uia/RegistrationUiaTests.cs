namespace Conformance.Suites.Uia;

/// <summary>User-interactive authentication of POST /register.</summary>
public sealed class RegistrationUiaTests : ConformanceTest
{
    [Test, Requirement("REG-UIA-401")]
    public async Task Registration_without_auth_is_answered_401_with_flows_of_stages()
    {
        await NotApplicable.UnlessRegistrationIsOpenAsync();
        var body = new RegistrationParameters { Username = Fake.Localpart(), Password = Fake.Password() }.ToJson();

        var response = await Client.PostRegisterAsync(body);

        response.Should().BeUiaChallenge();
    }
}
