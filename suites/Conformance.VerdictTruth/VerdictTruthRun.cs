namespace Conformance.VerdictTruth;

/// <summary>Keeps these checks aimed at the reference servers they start themselves.</summary>
[SetUpFixture]
public sealed class VerdictTruthRun
{
    /// <summary>
    /// The suite runs in-process here and reads its target from the environment first; a maintainer's
    /// CONFORMANCE_HOMESERVER_URL (meant for the suite) must not redirect the kill matrix to their server.
    /// </summary>
    [OneTimeSetUp]
    public void ForgetTheMaintainersTarget()
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys.OfType<string>().Where(k => k.StartsWith("CONFORMANCE_", StringComparison.Ordinal)))
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
