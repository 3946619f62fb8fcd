using Conformance.Harness.Client;
using Conformance.Harness.Fakes;
using Conformance.Harness.Reporting;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Conformance.Harness.Running;

/// <summary>
/// Base of every suite fixture: a fresh client per test (its own exchange log) on the run's shared transport. Tests
/// run in parallel, one fixture instance per test, so no test sees another's state.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public abstract class ConformanceTest
{
    private MatrixClient? _client;

    /// <summary>This test's client.</summary>
    protected MatrixClient Client => _client ??= new MatrixClient(ConformanceRun.Current, new ExchangeLog());

    /// <summary>The run's data generator.</summary>
    protected static Fake Fake => ConformanceRun.Current.Fake;

    /// <summary>Records the test in the run's report.</summary>
    [TearDown]
    public void Report() => ConformanceRun.Report?.Add(CurrentTest.Record(_client?.Log.Exchanges ?? []));

    /// <summary>Prints every exchange of a test that did not pass, so the CI log holds the whole story.</summary>
    [TearDown]
    public void PrintExchangesOfUnsuccessfulTest()
    {
        if (_client is null || TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Passed)
        {
            return;
        }

        foreach (var exchange in _client.Log.Exchanges)
        {
            TestContext.Out.WriteLine(exchange.Describe());
        }
    }
}
