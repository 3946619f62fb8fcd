using System.Text.Json.Nodes;

namespace Conformance.Suites.Account;

/// <summary>POST /account/deactivate: behind UIA, and a deactivated account cannot log in again.</summary>
public sealed class DeactivationTests : ConformanceTest
{
    /// <summary>A fresh account asked to deactivate without auth: DEACTIVATE-UIA judges the answer, the others go on with the account.</summary>
    private static readonly OncePerRun<(RegisteredAccount Account, MatrixResponse WithoutAuth)> AskedWithoutAuth = new(async client =>
    {
        await client.RequireAsync(Feature.Deactivation);
        var account = await client.AccountAsync(AccountUse.Whole);
        return (account, await client.PostAccountDeactivateAsync(account.AccessToken, new JsonObject()));
    });

    /// <summary>That account deactivated through its password UIA, then a password login tried: two tests judge the one chain.</summary>
    private static readonly OncePerRun<(MatrixResponse Deactivated, MatrixResponse LoginAfter)> DeactivatedThenLoggedIn = new(async client =>
    {
        var (account, withoutAuth) = await client.OnceAsync(AskedWithoutAuth);
        // A server that acted without auth has already answered the deactivation (DEACTIVATE-UIA judges that it did).
        var deactivated = withoutAuth.StatusCode == 200 ? withoutAuth : await client.DeactivateAsync(account);
        await client.RequireAsync(Feature.PasswordLogin);
        return (deactivated, await client.LogInWithPasswordAsync(account.UserId.Value, account.Password!));
    });

    /// <remarks>An empty flows list passes: a server may offer this user no stage it can complete, and still must not act.</remarks>
    [Test, Requirement("DEACTIVATE-UIA", Quote = "never succeeds without auth")]
    public async Task Deactivation_without_auth_is_answered_with_a_UIA_challenge()
    {
        var (_, withoutAuth) = await Client.OnceAsync(AskedWithoutAuth);

        withoutAuth.Should().BeUiaChallenge(mayOfferNoFlow: true);
    }

    [Test, Requirement("DEACTIVATE-OK", Quote = "This must be `success` if the homeserver has no identifiers to unbind for the user.")]
    public async Task A_completed_deactivation_answers_id_server_unbind_result_success()
    {
        var (deactivated, _) = await Client.OnceAsync(DeactivatedThenLoggedIn);

        deactivated.Should().HaveStatus(200).And.HaveStringField("id_server_unbind_result", "success");
    }

    [Test, Requirement("DEACTIVATE-LOGIN", Quote = "removing all ability for the user to login again")]
    public async Task A_deactivated_account_cannot_log_in()
    {
        var (_, loginAfter) = await Client.OnceAsync(DeactivatedThenLoggedIn);
        await Client.LoginRefusalsAre403Async();

        loginAfter.Should().HaveStatus(403);
    }

    [Test, Requirement("DEACTIVATE-LOGIN", RequirementLevel.Should, Quote = "The login attempt failed.")]
    public async Task A_deactivated_accounts_login_is_refused_with_M_USER_DEACTIVATED_or_M_FORBIDDEN()
    {
        var (_, loginAfter) = await Client.OnceAsync(DeactivatedThenLoggedIn);
        await Client.LoginRefusalsAre403Async();

        loginAfter.Should().HaveErrCode(ErrCode.UserDeactivated, ErrCode.Forbidden);
    }
}
