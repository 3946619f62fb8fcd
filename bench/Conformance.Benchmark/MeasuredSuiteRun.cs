using System.Diagnostics;
using Conformance.Harness.Client;
using Conformance.Harness.Running;
using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Conformance.Benchmark;

/// <summary>One run of the whole suite in this process: its wall time, its verdicts and what it sent.</summary>
/// <param name="Wall">From the runner's start to its end: the test phase, with no build and no test-host start.</param>
/// <param name="Passed">Tests passed.</param>
/// <param name="Failed">Tests failed or errored.</param>
/// <param name="Inconclusive">Tests Inconclusive (or skipped), with their reasons in <paramref name="Reasons"/>.</param>
/// <param name="Counts">The requests, registrations and logins the run made.</param>
/// <param name="Reasons">The message of every test that did not pass.</param>
/// <param name="Outcomes">Every test's outcome (Passed, Failed, Inconclusive, ...) by its full name.</param>
/// <param name="Requirements">Every test's requirement id by its full name.</param>
public sealed record MeasuredSuiteRun(
    TimeSpan Wall, int Passed, int Failed, int Inconclusive, RequestCounts Counts, IReadOnlyList<string> Reasons,
    IReadOnlyDictionary<string, string> Outcomes, IReadOnlyDictionary<string, string> Requirements)
{
    /// <summary>
    /// The tests whose outcome differs from <paramref name="other"/>'s, as "name: this vs other", leaving out the
    /// tests of <paramref name="exceptRequirement"/>.
    /// </summary>
    public IReadOnlyList<string> DifferencesFrom(MeasuredSuiteRun other, string? exceptRequirement = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        return [.. Outcomes.Keys.Union(other.Outcomes.Keys).Order(StringComparer.Ordinal)
            .Where(name => exceptRequirement is null || Requirements.GetValueOrDefault(name) != exceptRequirement)
            .Where(name => Outcomes.GetValueOrDefault(name) != other.Outcomes.GetValueOrDefault(name))
            .Select(name => $"{name}: {Outcomes.GetValueOrDefault(name, "not run")} vs {other.Outcomes.GetValueOrDefault(name, "not run")}")];
    }

    /// <summary>Runs every test of the suite with these runsettings parameters and <paramref name="workers"/> NUnit workers.</summary>
    public static MeasuredSuiteRun Execute(IDictionary<string, string> parameters, int workers)
    {
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(typeof(Conformance.Suites.RunLifetime).Assembly, new Dictionary<string, object>
        {
            [FrameworkPackageSettings.TestParametersDictionary] = new Dictionary<string, string>(parameters),
            [FrameworkPackageSettings.NumberOfTestWorkers] = workers,
        });
        var clock = Stopwatch.StartNew();
        var result = runner.Run(TestListener.NULL, TestFilter.Empty);
        clock.Stop();
        var leaves = Leaves(result).ToList();
        var failed = leaves.Where(r => r.ResultState.Status == TestStatus.Failed).ToList();
        return new MeasuredSuiteRun(
            clock.Elapsed,
            leaves.Count(r => r.ResultState.Status == TestStatus.Passed),
            failed.Count,
            leaves.Count(r => r.ResultState.Status is TestStatus.Inconclusive or TestStatus.Skipped),
            ActiveRun.LastEnding?.Counts ?? throw new InvalidOperationException("The suite did not run: " + result.Message),
            [.. leaves.Where(r => r.ResultState.Status != TestStatus.Passed).Select(r => $"{r.Name}: {r.ResultState.Status}: {FirstLine(r.Message)}")],
            leaves.GroupBy(r => r.FullName).ToDictionary(g => g.Key, g => g.First().ResultState.Status.ToString(), StringComparer.Ordinal),
            leaves.GroupBy(r => r.FullName).ToDictionary(g => g.Key, g => g.First().Test.Properties.Get("Requirement") as string ?? string.Empty, StringComparer.Ordinal));
    }

    private static string FirstLine(string? message) => (message ?? string.Empty).Split('\n', 2)[0];

    private static IEnumerable<ITestResult> Leaves(ITestResult result) =>
        result.HasChildren ? result.Children.SelectMany(Leaves) : result.Test.IsSuite ? [] : [result];
}
