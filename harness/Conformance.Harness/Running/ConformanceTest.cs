using Conformance.Harness.Client;
using Conformance.Harness.Fakes;
using Conformance.Harness.Reporting;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

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

    /// <summary>The run this test belongs to: taken from NUnit's one slot once, here, and handed on from here.</summary>
    protected ConformanceRun Run { get; } = ActiveRun.Current;

    /// <summary>This test's client.</summary>
    protected MatrixClient Client => _client ??= new MatrixClient(Run, new ExchangeLog());

    /// <summary>The run's data generator.</summary>
    protected Fake Fake => Run.Fake;

    /// <summary>The run of the test NUnit is executing, for the NUnit commands that wrap it; null outside a suite test.</summary>
    internal static ConformanceRun? RunOf(TestExecutionContext context) => (context?.TestObject as ConformanceTest)?.Run;

    /// <summary>The suite test NUnit is executing, for the NUnit commands that wrap it; null outside one.</summary>
    internal static ConformanceTest? Of(TestExecutionContext context) => context?.TestObject as ConformanceTest;

    /// <summary>The exchanges this test's client has made so far.</summary>
    internal IReadOnlyCollection<Exchange> Exchanges => _client?.Log.Exchanges ?? [];

    /// <summary>The reproduction script of this test's failure, once made, for the report.</summary>
    internal string? Reproduction { get; set; }

    /// <summary>Records the test in the run's report.</summary>
    [TearDown]
    public void Report() => Run.Report.Add(CurrentTest.Record(Exchanges) with { Reproduction = Reproduction, AccountOrigins = _client?.AccountOrigins ?? [] });

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
