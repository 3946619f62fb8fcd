using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Suites.LoginTokens;

/// <summary>POST /login/get_token and single-use m.login.token logins.</summary>
public sealed class LoginTokenTests : ConformanceTest
{
    /// <summary>A login token and its first use: LTOKEN-LOGIN judges the use, LTOKEN-SINGLE-USE tries a second.</summary>
    private static readonly OncePerRun<(IssuedLoginToken Issued, MatrixResponse FirstUse)> FirstUse = new(async client =>
    {
        var issued = await client.IssueLoginTokenAsync();
        return (issued, await client.LogInBeforeExpiryAsync(issued));
    });

    [Test, Requirement("LTOKEN-DISCOVERY", Quote = "This capability has a single flag, `enabled`")]
    public async Task The_capability_agrees_with_what_get_token_does_for_the_user()
    {
        var shared = await Client.SharedLoginTokenAsync();
        var capabilities = await Client.GetCapabilitiesAsync(shared.Account.AccessToken);
        // GET /capabilities is no rule of this suite's: without its answer there is nothing to compare get_token with.
        if (capabilities.StatusCode != 200 || capabilities.Body?["capabilities"]?["m.get_login_token"] is not JsonObject capability)
        {
            throw NotJudgedReasons.NothingToCheckUnderServersChoice.Exception(
                "GET /capabilities does not answer 200 listing m.get_login_token, so there is no per-user answer to compare get_token with.\n"
                + capabilities.Exchange.Describe());
        }

        var issued = shared.Issued;

        // The capability is per user: a server offering get_token may still deny it to some users, and say so here.
        issued.Should().IssueALoginTokenExactlyWhen(capability["enabled"]?.GetValueKind() == JsonValueKind.True);
    }

    [Test, Requirement("LTOKEN-UIA", Quote = "never succeeds without auth")]
    public async Task Get_token_without_auth_is_answered_with_a_UIA_challenge()
    {
        await Client.RequireAsync(Feature.LoginTokens);
        var account = await Client.SharedAccountAsync();

        var response = await Client.PostGetLoginTokenAsync(account.AccessToken, new JsonObject());

        // A server that offers this user none of its stages (SSO-only, password login off) may also still challenge.
        NoVerdictIfTheUserCannotGenerateTokens(response);
        response.Should().BeUiaChallenge(mayOfferNoFlow: true);
    }

    [Test, Requirement("LTOKEN-UIA", Quote = "servers MUST always re-prompt")]
    public async Task Get_token_asks_again_right_after_a_completed_UIA()
    {
        var shared = await Client.SharedLoginTokenAsync();
        shared.Issued.NeededStatus(200, "LTOKEN-RESPONSE", "a login token got through a completed UIA");

        shared.AskedAgain.Should().BeUiaChallenge();
    }

    [Test, Requirement("LTOKEN-RESPONSE")]
    public async Task Get_token_answers_login_token_and_expires_in_ms()
    {
        var response = (await Client.SharedLoginTokenAsync()).Issued;

        NoVerdictIfTheUserCannotGenerateTokens(response);
        response.Should().HaveStatus(200).And.HaveNonEmptyStringField("login_token").And.HaveIntegerField("expires_in_ms");
    }

    [Test, Requirement("LTOKEN-LOGIN", Quote = "becoming logged in as the same user")]
    public async Task A_login_token_logs_in_as_the_same_user()
    {
        var (issued, login) = await Client.OnceAsync(FirstUse);

        login.Should().HaveStatus(200).And.HaveStringField("user_id", issued.Account.UserId.Value);
    }

    [Test, Requirement("LTOKEN-SINGLE-USE", Quote = "MUST only be valid for a single login")]
    public async Task A_login_token_works_only_once()
    {
        var (issued, first) = await Client.OnceAsync(FirstUse);
        if (first.StatusCode != 200)
        {
            // Refusing the first use is LTOKEN-LOGIN's failure; a token that never worked shows nothing about a second use.
            throw NotJudgedReasons.NothingToCheckUnderServersChoice.Exception(
                $"The first login with the token was refused ({first.Summary}), so single use cannot be judged; LTOKEN-LOGIN judges the refusal.\n{first.Exchange.Describe()}");
        }

        var second = await Client.LogInWithLoginTokenAsync(issued.Token);

        second.Should().BeMatrixError(403, ErrCode.Forbidden);
    }

    [Test, Requirement("LTOKEN-INVALID", Quote = "In the case that the token is not valid")]
    public async Task An_invalid_login_token_is_refused_with_M_FORBIDDEN()
    {
        await Client.RequireAsync(Feature.LoginTokens);

        var login = await Client.LogInWithLoginTokenAsync("not-a-login-token-" + Fake.DeviceId());

        login.Should().BeMatrixError(403, ErrCode.Forbidden);
    }

    [Test, Requirement("LTOKEN-INVALID")]
    public async Task An_expired_login_token_is_refused_with_M_FORBIDDEN()
    {
        var issued = await Client.IssueFreshLoginTokenAsync();
        await Expiry.WaitOutAsync(issued.LifetimeMs, "login token");

        var login = await Client.LogInWithLoginTokenAsync(issued.Token);

        login.Should().BeMatrixError(403, ErrCode.Forbidden);
    }

    /// <summary>
    /// No verdict on a 400, which login_token.yaml documents for a user who "does not have an ability to generate
    /// tokens for their devices, as implied by the User-Interactive Authentication API": the endpoint is then not this
    /// user's to use, and neither its UIA nor its answer can be judged.
    /// </summary>
    private static void NoVerdictIfTheUserCannotGenerateTokens(MatrixResponse response)
    {
        if (response.StatusCode == 400)
        {
            throw NotJudgedReasons.NothingToCheckUnderServersChoice.Exception(
                "get_token answered 400, which login_token.yaml documents for a user who cannot generate login tokens.\n" + response.Exchange.Describe());
        }
    }
}
