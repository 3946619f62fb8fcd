namespace Conformance.Suites.Availability;

/// <summary>GET /register/available.</summary>
public sealed class AvailabilityTests : ConformanceTest
{
    [Test, Requirement("AVAIL-FREE")]
    public async Task A_free_valid_username_is_available()
    {
        var response = await Client.GetRegisterAvailableAsync(Fake.Localpart());

        response.Should().HaveStatus(200).And.HaveBoolField("available", true);
    }

    [Test, Requirement("AVAIL-TAKEN")]
    public async Task A_taken_username_is_answered_M_USER_IN_USE()
    {
        var username = Fake.Localpart();
        await Client.RegisterAsync(new() { Username = username });

        var response = await Client.GetRegisterAvailableAsync(username);

        response.Should().BeMatrixError(400, ErrCode.UserInUse);
    }

    [TestCase("bad:name")]
    [TestCase("bad name")]
    [TestCase("bad\"name")]
    [Requirement("AVAIL-INVALID")]
    public async Task An_invalid_username_is_answered_M_INVALID_USERNAME(string username)
    {
        var response = await Client.GetRegisterAvailableAsync(username);

        response.Should().BeMatrixError(400, ErrCode.InvalidUsername);
    }

    [Test, Requirement("AVAIL-NO-RESERVE")]
    public async Task Checking_availability_does_not_reserve_the_name()
    {
        var username = Fake.Localpart();
        await Client.GetRegisterAvailableAsync(username);

        var outcome = await Client.TryRegisterAsync(new() { Username = username, Password = Fake.Password() });

        outcome.Should().HaveRegisteredAValidUserId();
    }
}
