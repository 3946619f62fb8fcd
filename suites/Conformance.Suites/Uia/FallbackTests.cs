namespace Conformance.Suites.Uia;

/// <summary>The UIA fallback page a client opens for a stage it cannot complete itself.</summary>
public sealed class FallbackTests : ConformanceTest
{
    [Test, Requirement("UIA-FALLBACK", Quote = "This MUST return an HTML page")]
    public async Task The_fallback_page_of_an_offered_stage_is_an_HTML_page()
    {
        var (stage, session) = await Client.StartRegistrationWithAPagedStageAsync();

        var response = await Client.GetAuthFallbackAsync(stage, session);

        response.Should().HaveStatus(200).And.HaveHtmlContentType();
    }
}
