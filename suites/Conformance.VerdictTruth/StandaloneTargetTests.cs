using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth;

/// <summary>
/// Aimed with CONFORMANCE_HOMESERVER_URL at the reference homeserver started on its own, the suite gives the same
/// verdict, test by test, as against the embedded one: the URL path and the embedded path are one suite.
/// </summary>
public sealed class StandaloneTargetTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    [Test]
    public async Task The_suite_gives_the_same_verdicts_against_the_standalone_server_as_against_the_embedded_one()
    {
        using var standalone = await StandaloneServer.StartAsync("--server-name", "localhost");

        var embedded = await SuiteProcess.RunAsync(null, RunLimit);
        var external = await SuiteProcess.RunAsync(standalone.BaseUrl, RunLimit);

        embedded.Should().NotBeEmpty();
        external.Should().BeEquivalentTo(embedded);
    }
}
