namespace Conformance.Suites.Availability;

/// <summary>GET /register/available.</summary>
public sealed class AvailabilityTests : ConformanceTest
{
    [Test, Requirement("AVAIL-FREE", Quote = "The username is available")]
    public async Task A_free_valid_username_is_answered_200()
    {
        await Client.RequireAsync(Feature.LegacyRegistration);
        var response = await Client.GetRegisterAvailableAsync(Fake.Localpart());

        await Client.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(response);
        response.Should().HaveStatus(200).And.HaveJsonObjectBody();
    }

    /// <remarks>available is a flag that "should always be true when the server replies with 200 OK": a SHOULD.</remarks>
    [Test, Requirement("AVAIL-FREE", RequirementLevel.Should, Quote = "This should always be `true`")]
    public async Task A_free_valid_username_is_answered_available_true()
    {
        await Client.RequireAsync(Feature.LegacyRegistration);
        var response = await Client.GetRegisterAvailableAsync(Fake.Localpart());

        await Client.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(response);
        response.Should().HaveStatus(200).And.HaveBoolField("available", true);
    }

    [Test, Requirement("AVAIL-TAKEN")]
    public async Task A_taken_username_is_answered_M_USER_IN_USE()
    {
        await Client.RequireAsync(Feature.LegacyRegistration);
        var taken = await Client.OnceAsync(Registration.TakenUsername.Account);

        var response = await Client.GetRegisterAvailableAsync(taken.UserId.Localpart);

        response.Should().BeMatrixError(400, ErrCode.UserInUse);
    }

    [TestCase(":")]
    [TestCase(" ")]
    [TestCase("\"")]
    [Requirement("AVAIL-INVALID", Quote = "`M_INVALID_USERNAME` : The desired username is not a valid user name.")]
    public async Task A_username_outside_the_grammar_is_answered_M_INVALID_USERNAME_unless_registration_maps_it(string character)
    {
        await Client.RequireAsync(Feature.LegacyRegistration);
        var username = Fake.Localpart() + character + "x";

        var response = await Client.GetRegisterAvailableAsync(username);

        await Client.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(response);
        if (response.StatusCode == 200)
        {
            // A server that maps such names may call them available; then it must really take one.
            await Client.RequireAsync(Feature.Registration);
            var outcome = await Client.TryRegisterAsync(new() { Username = username, Password = Fake.Password() });
            outcome.Should().HaveRegisteredAnAccount();
            return;
        }

        response.Should().BeMatrixError(400, ErrCode.InvalidUsername);
    }

    [Test, Requirement("AVAIL-INVALID", Quote = "`M_EXCLUSIVE` : The desired username")]
    public async Task A_username_in_an_appservice_exclusive_namespace_is_answered_M_EXCLUSIVE()
    {
        await Client.RequireAsync(Feature.LegacyRegistration);
        var username = Client.Require(Setting.ExclusiveUsernamePrefix) + Fake.Localpart();

        var response = await Client.GetRegisterAvailableAsync(username);

        await Client.NoVerdictIfRefusedWhileRegistrationIsClosedAsync(response);
        response.Should().BeMatrixError(400, ErrCode.Exclusive);
    }

    /// <remarks>The spec says only that the check "does not normally reserve the username": a SHOULD at most.</remarks>
    [Test, Requirement("AVAIL-NO-RESERVE", RequirementLevel.Should)]
    public async Task Checking_availability_does_not_reserve_the_name()
    {
        await Client.RequireAsync(Feature.LegacyRegistration);
        var username = Fake.Localpart();
        await Client.GetRegisterAvailableAsync(username);

        var outcome = await Client.TryRegisterAsync(new() { Username = username, Password = Fake.Password() });

        outcome.Should().HaveRegisteredAnAccount();
    }
}
