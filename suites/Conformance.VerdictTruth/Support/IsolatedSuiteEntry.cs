using System.Runtime.Loader;
using System.Text.Json;
using Conformance.Harness.Running;
using Conformance.Harness.Requirements;
using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Conformance.VerdictTruth.Support;

/// <summary>
/// Runs inside a <see cref="SuiteLoadContext"/>: loads the suite there and runs it with NUnit's own in-process runner.
/// Only strings and framework collections cross the boundary, because NUnit's types differ on each side.
/// </summary>
public static class IsolatedSuiteEntry
{
    /// <summary>Runs every test of the suite with these runsettings parameters; returns an <see cref="InProcessSuiteResult"/> as JSON.</summary>
    public static string Run(string suiteAssembly, Dictionary<string, string> parameters, int workers)
    {
        var context = AssemblyLoadContext.GetLoadContext(typeof(IsolatedSuiteEntry).Assembly)
            ?? throw new InvalidOperationException("Not loaded in a load context");
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(context.LoadFromAssemblyPath(suiteAssembly), new Dictionary<string, object>
        {
            // These parameters are the run's settings: a maintainer's CONFORMANCE_* variables, meant for the suite they
            // run themselves, must not redirect the matrix to their server.
            [FrameworkPackageSettings.TestParametersDictionary] = new Dictionary<string, string>(parameters) { [ActiveRun.IgnoreEnvironmentParameter] = "true" },
            [FrameworkPackageSettings.NumberOfTestWorkers] = workers,
        });
        var printed = new OutputCollector();
        var result = runner.Run(printed, TestFilter.Empty);
        var outcomes = Leaves(result).Select(r => (Result: r, Requirement: RequirementProperties.Of(r.Test))).Select(o => new SuiteOutcome(
            o.Result.FullName, o.Result.ResultState.Status.ToString(), o.Requirement?.Id, o.Result.Message, o.Requirement?.LevelName));
        return JsonSerializer.Serialize(new InProcessSuiteResult([.. outcomes], [.. ActiveRun.LastEnding?.SecretsRedacted ?? []], printed.Texts));
    }

    private static IEnumerable<ITestResult> Leaves(ITestResult result) =>
        result.HasChildren ? result.Children.SelectMany(Leaves) : result.Test.IsSuite ? [] : [result];
}
