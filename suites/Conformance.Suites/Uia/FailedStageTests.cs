namespace Conformance.Suites.Uia;

/// <summary>User-interactive authentication outside registration: what a failed stage is answered with.</summary>
public sealed class FailedStageTests : ConformanceTest
{
    /// <remarks>The run's shared account is only read: a wrong password changes nothing on it.</remarks>
    [Test, Requirement("UIA-STAGE-FAILED", Quote = "with the addition of the standard `errcode` and `error` fields describing the error")]
    public async Task A_wrong_password_in_get_tokens_UIA_is_answered_401_with_the_flows_errcode_and_error()
    {
        await Client.RequireAsync(Feature.LoginTokens);
        var account = await Client.SharedAccountAsync();

        var response = await Client.GetLoginTokenAsync(account, password: Fake.Password());

        response.AsAnErrorAnswer("LTOKEN-UIA").Should().BeFailedUiaStage();
    }
}
