namespace Conformance.Suites.Usernames;

/// <summary>Requested usernames and the user IDs the server makes of them.</summary>
public sealed class UsernameTests : ConformanceTest
{
    [TestCaseSource(typeof(UsernameCases), nameof(UsernameCases.OutsideTheGrammar))]
    [Requirement("REG-USERNAME-MAP-OR-REJECT")]
    public async Task Username_outside_the_grammar_is_mapped_to_a_valid_user_ID_or_refused_with_M_INVALID_USERNAME(string suffix)
    {
        var outcome = await Client.TryRegisterAsync(new() { Username = Fake.Localpart() + suffix, Password = Fake.Password() });

        outcome.Should().BeMappedToValidUserIdOrRejectedWith(ErrCode.InvalidUsername);
    }

    [Test, Requirement("REG-USERID-GRAMMAR")]
    public async Task User_ID_registered_for_a_requested_username_fits_the_grammar()
    {
        var account = await Client.RegisterAsync(new() { Username = Fake.Localpart() });

        account.Should().HaveValidUserId();
    }

    [Test, Requirement("REG-USERID-GRAMMAR")]
    public async Task User_ID_generated_when_no_username_is_given_fits_the_grammar()
    {
        var outcome = await Client.TryRegisterAsync(new() { Password = Fake.Password() });

        outcome.Should().HaveRegisteredAValidUserId();
    }

    [Test, Requirement("REG-USERNAME-BASIS")]
    public async Task The_user_ID_is_based_on_the_requested_username()
    {
        var username = Fake.Localpart();

        var account = await Client.RegisterAsync(new() { Username = username });

        account.Should().HaveLocalpart(username);
    }

    [Test, Requirement("REG-USERNAME-GEN")]
    public async Task Registration_without_a_username_gets_a_generated_localpart()
    {
        var outcome = await Client.TryRegisterAsync(new() { Password = Fake.Password() });

        outcome.Should().HaveRegisteredAValidUserId();
    }
}
