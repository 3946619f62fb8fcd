using System.Security.Cryptography;
using Conformance.Reference.Faults;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.Secrets;

/// <summary>
/// What <c>dotnet test</c> itself leaves (console output and the TRX file, beside the suite's own Allure results,
/// summary and JUnit XML) holds none of the secrets the maintainer gave the run, even where a test using them fails
/// and its exchanges are printed. The in-process runs of the kill matrix check the secrets the suite makes up itself.
/// </summary>
public sealed class TestHostOutputSecretTests
{
    [Test]
    public async Task A_failing_run_prints_and_writes_no_registration_or_appservice_token()
    {
        var registrationToken = "secret-registration-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        var appServiceToken = "secret-as-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        using var server = await StandaloneServer.StartAsync(
            "--registration-token", registrationToken, "--appservice", $"{appServiceToken}=hostoutput_as_",
            "--fault", FaultCatalogue.TokenStageNeverCompletes.Name);

        var run = await SuiteProcess.RunAsync(server.BaseUrl, TimeSpan.FromMinutes(5), new Dictionary<string, string>
        {
            ["CONFORMANCE_REGISTRATION_TOKEN"] = registrationToken,
            ["CONFORMANCE_APPSERVICE_TOKEN"] = appServiceToken,
            ["CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX"] = "hostoutput_as_",
        }, [registrationToken, appServiceToken]);

        run.Outcomes.Values.Should().Contain("Failed", "the fault makes the token tests fail, so their exchanges are printed");
        run.Leaks.Should().BeEmpty();
    }
}
