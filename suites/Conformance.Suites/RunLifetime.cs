namespace Conformance.Suites;

/// <summary>Starts the run before any fixture (target chosen, checked and printed) and stops it after the last.</summary>
[SetUpFixture]
// Parallel, so the fixtures under it run in NUnit's parallel shift first and the [NonParallelizable] ones (requests a
// server may hang on) only once that shift is done: a hang there cannot stall another test's request.
[Parallelizable]
public sealed class RunLifetime
{
    [OneTimeSetUp]
    public Task StartAsync() => ActiveRun.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => ActiveRun.StopAsync();
}
