using System.Text.Json.Nodes;

namespace Conformance.Suites.LoginTokens;

/// <summary>POST /login/get_token and single-use m.login.token logins.</summary>
public sealed class LoginTokenTests : ConformanceTest
{
    [Test, Requirement("LTOKEN-DISCOVERY")]
    public async Task The_capability_agrees_with_the_login_flow()
    {
        await NotApplicable.UnlessLoginTokensAreOfferedAsync();
        var account = await Client.RegisterAsync();

        var capabilities = await Client.GetCapabilitiesAsync(account.AccessToken);

        capabilities.Should().HaveStatus(200).And.HaveTrueAt("capabilities", "m.get_login_token", "enabled");
    }

    [Test, Requirement("LTOKEN-UIA")]
    public async Task Get_token_without_auth_is_answered_with_a_UIA_challenge()
    {
        await NotApplicable.UnlessLoginTokensAreOfferedAsync();
        var account = await Client.RegisterAsync();

        var response = await Client.PostGetLoginTokenAsync(account.AccessToken, new JsonObject());

        response.Should().BeUiaChallenge();
    }

    [Test, Requirement("LTOKEN-UIA")]
    public async Task Get_token_asks_again_right_after_a_completed_UIA()
    {
        await NotApplicable.UnlessLoginTokensAreOfferedAsync();
        var account = await Client.RegisterAsync();
        (await Client.GetLoginTokenAsync(account)).Should().HaveStatus(200);

        var again = await Client.PostGetLoginTokenAsync(account.AccessToken, new JsonObject());

        again.Should().BeUiaChallenge();
    }

    [Test, Requirement("LTOKEN-RESPONSE")]
    public async Task Get_token_answers_login_token_and_expires_in_ms()
    {
        await NotApplicable.UnlessLoginTokensAreOfferedAsync();
        var account = await Client.RegisterAsync();

        var response = await Client.GetLoginTokenAsync(account);

        response.Should().HaveStatus(200).And.HaveNonEmptyStringField("login_token").And.HaveField("expires_in_ms");
    }

    [Test, Requirement("LTOKEN-LOGIN")]
    public async Task A_login_token_logs_in_as_the_same_user()
    {
        var (account, token, _) = await LoginTokenAsync();

        var login = await Client.LogInWithLoginTokenAsync(token);

        login.Should().HaveStatus(200).And.HaveStringField("user_id", account.UserId.Value);
    }

    [Test, Requirement("LTOKEN-SINGLE-USE")]
    public async Task A_login_token_works_only_once()
    {
        var (_, token, _) = await LoginTokenAsync();
        await Client.LogInWithLoginTokenAsync(token);

        var second = await Client.LogInWithLoginTokenAsync(token);

        second.Should().BeMatrixError(403, ErrCode.Forbidden);
    }

    [Test, Requirement("LTOKEN-INVALID")]
    public async Task An_invalid_login_token_is_refused_with_M_FORBIDDEN()
    {
        await NotApplicable.UnlessLoginTokensAreOfferedAsync();

        var login = await Client.LogInWithLoginTokenAsync("not-a-login-token-" + Fake.DeviceId());

        login.Should().BeMatrixError(403, ErrCode.Forbidden);
    }

    [Test, Requirement("LTOKEN-INVALID")]
    public async Task An_expired_login_token_is_refused_with_M_FORBIDDEN()
    {
        var (_, token, lifetimeMs) = await LoginTokenAsync();
        await Expiry.WaitOutAsync(lifetimeMs, "login token");

        var login = await Client.LogInWithLoginTokenAsync(token);

        login.Should().BeMatrixError(403, ErrCode.Forbidden);
    }

    private async Task<(RegisteredAccount Account, string Token, long? LifetimeMs)> LoginTokenAsync()
    {
        await NotApplicable.UnlessLoginTokensAreOfferedAsync();
        var account = await Client.RegisterAsync();
        var response = await Client.GetLoginTokenAsync(account);
        response.Should().HaveStatus(200).And.HaveNonEmptyStringField("login_token");
        return (account, response.StringField("login_token")!, response.IntegerField("expires_in_ms"));
    }
}
