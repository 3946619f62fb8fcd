namespace Conformance.Suites;

/// <summary>Starts the run before any fixture (target chosen, checked and printed) and stops it after the last.</summary>
[SetUpFixture]
public sealed class RunLifetime
{
    [OneTimeSetUp]
    public Task StartAsync() => ActiveRun.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => ActiveRun.StopAsync();
}
