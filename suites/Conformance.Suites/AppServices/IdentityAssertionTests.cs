namespace Conformance.Suites.AppServices;

/// <summary>An application service acting as a user of its namespace: its <c>as_token</c> and a <c>user_id</c> query parameter.</summary>
public sealed class IdentityAssertionTests : ConformanceTest
{
    [Test, Requirement("AS-MASQUERADE", Quote = "through use of a `user_id` query string parameter on the request")]
    public async Task Whoami_with_the_appservice_token_and_user_id_answers_that_user()
    {
        var user = await Client.AppServiceUserAsync();

        var response = await Client.WhoAmIActingAsTheAppServiceUserAsync();

        response.Should().HaveStatus(200).And.HaveStringField("user_id", user.Value);
    }

    [Test, Requirement("AS-MASQUERADE-NAMESPACE", Quote = "The appservice cannot masquerade as the user or has not registered them.")]
    public async Task Whoami_with_the_appservice_token_and_a_user_outside_its_namespace_answers_403()
    {
        var asToken = Client.Require(Setting.AppServiceToken);
        await Client.AppServiceUserItCanActAsAsync();
        var outsider = (await Client.SharedAccountAsync()).OutsideTheNamespace();

        var response = await Client.GetWhoAmIActingAsAsync(asToken, outsider.UserId.Value);

        response.Should().HaveStatus(403);
    }
}
