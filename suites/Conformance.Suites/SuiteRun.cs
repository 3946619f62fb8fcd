namespace Conformance.Suites;

/// <summary>Starts the run before any fixture (target chosen, checked and printed) and stops it after the last.</summary>
[SetUpFixture]
public sealed class SuiteRun
{
    [OneTimeSetUp]
    public Task StartAsync() => ConformanceRun.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => ConformanceRun.StopAsync();
}
