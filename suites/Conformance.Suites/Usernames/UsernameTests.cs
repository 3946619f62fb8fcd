using System.Text;

namespace Conformance.Suites.Usernames;

/// <summary>Requested usernames and the user IDs the server makes of them.</summary>
public sealed class UsernameTests : ConformanceTest
{
    /// <summary>A registration without a username: REG-USERNAME-GEN and REG-USERID-GRAMMAR judge the one answer.</summary>
    private static readonly OncePerRun<RegistrationOutcome> WithoutUsername = new(client => client.TryRegisterAsync(new() { Password = client.Fake.Password() }));

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
        var account = await Client.SharedRegisteredAccountAsync();

        account.Should().HaveValidUserId();
    }

    [Test, Requirement("REG-USERID-GRAMMAR")]
    public async Task User_ID_generated_when_no_username_is_given_fits_the_grammar()
    {
        var account = (await Client.OnceAsync(WithoutUsername)).Registered("REG-USERNAME-GEN", "a registration without a username");

        account.Should().HaveValidUserId();
    }

    [Test, Requirement("REG-USERNAME-BASIS", Quote = "The server SHOULD register an account with a User ID based on the `username`")]
    public async Task The_user_ID_is_based_on_the_requested_username()
    {
        var (asked, registration) = await Client.SharedRegistrationAsync();

        registration.AsCompletedRegistration().Should().HaveUserIdWithLocalpart(asked.Username!);
    }

    [TestCaseSource(typeof(UsernameCases), nameof(UsernameCases.InsideTheGrammar))]
    [Requirement("REG-USERNAME-BASIS", Quote = "The server SHOULD register an account with a User ID based on the `username`")]
    public async Task A_username_using_characters_the_grammar_allows_is_registered_as_given(string characters, string? since)
    {
        if (since is not null)
        {
            Client.RequireSpecVersion(since, $"'{characters}' in localparts");
        }

        var username = Fake.Localpart() + characters + "x";

        var outcome = await Client.TryRegisterAsync(new() { Username = username, Password = Fake.Password() });

        outcome.Should().HaveRegisteredTheLocalpart(username);
    }

    [Test, Requirement("REG-USERNAME-BASIS", Quote = "The server SHOULD register an account with a User ID based on the `username`")]
    public async Task A_username_making_a_user_ID_of_exactly_255_bytes_is_registered_as_given()
    {
        var username = await UsernameMakingUserIdOfBytesAsync(255);

        var outcome = await Client.TryRegisterAsync(new() { Username = username, Password = Fake.Password() });

        outcome.Should().HaveRegisteredTheLocalpart(username);
    }

    [Test, Requirement("REG-USERID-GRAMMAR", Quote = "MUST NOT exceed 255 bytes")]
    public async Task A_username_making_a_user_ID_over_255_bytes_is_refused_or_mapped_within_255()
    {
        var username = await UsernameMakingUserIdOfBytesAsync(256);

        var outcome = await Client.TryRegisterAsync(new() { Username = username, Password = Fake.Password() });

        outcome.Should().BeRefusedOrGetAValidUserId();
    }

    /// <remarks>
    /// A server may take an empty username as none and generate a localpart; it may not make it the localpart. How it
    /// refuses is not this rule's: the errcode of a refused username is REG-USERNAME-MAP-OR-REJECT's.
    /// </remarks>
    [Test, Requirement("REG-USERID-GRAMMAR", Quote = "It MUST NOT be empty")]
    public async Task An_empty_username_is_refused_or_gets_a_valid_user_ID_never_an_empty_localpart()
    {
        var outcome = await Client.TryRegisterAsync(new() { Username = string.Empty, Password = Fake.Password() });

        outcome.Should().BeRefusedOrGetAValidUserId();
    }

    /// <summary>A fresh ASCII username whose user ID on this server is <paramref name="bytes"/> bytes long.</summary>
    private async Task<string> UsernameMakingUserIdOfBytesAsync(int bytes)
    {
        var serverName = await Client.ServerNameAsync();
        var prefix = Fake.Localpart();
        var length = bytes - "@:".Length - Encoding.UTF8.GetByteCount(serverName);
        return prefix + new string('x', length - prefix.Length);
    }

    [Test, Requirement("REG-USERNAME-GEN")]
    public async Task Registration_without_a_username_gets_a_generated_localpart()
    {
        var outcome = await Client.OnceAsync(WithoutUsername);

        // Whether the generated localpart fits the grammar is REG-USERID-GRAMMAR's check.
        outcome.Should().HaveRegisteredANonEmptyLocalpart();
    }
}
