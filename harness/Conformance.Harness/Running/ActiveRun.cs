using Conformance.Harness.Reporting;
using NUnit.Framework;
using NUnit.Framework.Internal;

namespace Conformance.Harness.Running;

/// <summary>
/// Where NUnit meets the run: a <c>[SetUpFixture]</c> starts it here and stops it here, and the one static slot holds it
/// in between, because NUnit builds each fixture itself and offers no way to hand it an object. Only
/// <see cref="ConformanceTest"/> reads the slot; everything else is given the run.
/// </summary>
public static class ActiveRun
{
    /// <summary>
    /// The runsettings parameter that makes the runsettings parameters the run's only settings source, for tools that
    /// run the suite in their own process (the kill matrix) beside a maintainer's CONFORMANCE_* variables.
    /// </summary>
    public const string IgnoreEnvironmentParameter = "IgnoreEnvironment";

    private static ConformanceRun? _run;

    /// <summary>The run in progress.</summary>
    /// <exception cref="InvalidOperationException">No run was started: the assembly lacks its SetUpFixture.</exception>
    public static ConformanceRun Current =>
        _run ?? throw new InvalidOperationException("No conformance run: call ActiveRun.StartAsync from a [SetUpFixture]");

    /// <summary>What the last run finished in this process left, or null (for a caller that ran the suite in-process).</summary>
    public static RunEnding? LastEnding { get; private set; }

    /// <summary>Starts the run from the runsettings parameters and the environment; prints to NUnit's progress output.</summary>
    /// <exception cref="InvalidOperationException">The target does not answer /versions as a Matrix server does.</exception>
    public static async Task StartAsync(CancellationToken ct = default)
    {
        // FluentAssertions finds NUnit by assembly name among everything loaded. Where the suite runs in a load context
        // of its own beside another NUnit (the kill matrix), it could throw the other copy's AssertionException, which
        // this NUnit would report as an error instead of a failure. Bind it to the NUnit this harness runs with.
        FluentAssertions.Common.Services.ThrowException = message => throw new AssertionException(message);
        Func<string, string?> environment = TestContext.Parameters.Get(IgnoreEnvironmentParameter) == "true"
            ? _ => null
            : Environment.GetEnvironmentVariable;
        var settings = SuiteSettings.Read(name => TestContext.Parameters.Get(name), environment);
        _run = await ConformanceRun.StartAsync(settings, line => TestContext.Progress.WriteLine(line), CurrentNUnitTest, ct);
    }

    /// <summary>Finishes the run, prints its closing line last, and forgets it.</summary>
    /// <exception cref="AssertionException">
    /// The known-failures list names a requirement none of whose tests failed, and fixed entries fail the run: thrown
    /// last, from the run's teardown, so the run fails with that message once everything is written.
    /// </exception>
    public static async Task StopAsync()
    {
        var run = Interlocked.Exchange(ref _run, null);
        if (run is null)
        {
            TestContext.Progress.WriteLine(ClosingLine.NoRun);
            return;
        }

        var ending = await run.FinishAsync();
        LastEnding = ending;
        TestContext.Progress.WriteLine(ending.ClosingLine);
        if (ending.FixedKnownFailures is { } message)
        {
            TestContext.Progress.WriteLine(message);
            if (run.KnownFailures!.FixedFailsRun)
            {
                throw new AssertionException(message);
            }
        }
    }

    /// <summary>
    /// The running NUnit test's id, or null outside a test case; a probe or the shared account counts for the test that
    /// set it going.
    /// </summary>
    private static string? CurrentNUnitTest() => TestExecutionContext.CurrentContext.CurrentTest is { IsSuite: false } test ? test.Id : null;
}
