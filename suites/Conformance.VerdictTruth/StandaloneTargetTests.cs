using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth;

/// <summary>
/// Aimed with CONFORMANCE_HOMESERVER_URL at the reference homeserver started on its own, the suite gives the same
/// verdict, test by test, as against the embedded one: the URL path and the embedded path are one suite.
/// </summary>
public sealed class StandaloneTargetTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    private static List<string> Lines(IReadOnlyDictionary<string, string> verdicts) =>
        [.. verdicts.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}: {v.Value}")];

    [Test]
    public async Task The_suite_gives_the_same_verdicts_against_the_standalone_server_as_against_the_embedded_one()
    {
        // Configured as the embedded server is: open, a registration token and an appservice namespace the suite
        // knows, login tokens that live 5 s.
        using var standalone = await StandaloneServer.StartAsync(
            "--server-name", "localhost", "--registration-token", "standalone-token", "--appservice", "standalone-as-token=standalone_as_",
            "--login-token-lifetime-ms", "5000");

        var embedded = (await SuiteProcess.RunAsync(null, RunLimit)).Outcomes;
        var external = (await SuiteProcess.RunAsync(standalone.BaseUrl, RunLimit, new Dictionary<string, string>
        {
            ["CONFORMANCE_REGISTRATION_TOKEN"] = "standalone-token",
            ["CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX"] = "standalone_as_",
            ["CONFORMANCE_APPSERVICE_TOKEN"] = "standalone-as-token",
        })).Outcomes;

        embedded.Should().NotBeEmpty();
        Lines(external).Should().Equal(Lines(embedded));
    }
}
