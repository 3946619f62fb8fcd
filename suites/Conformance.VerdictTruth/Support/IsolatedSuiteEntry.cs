using System.Runtime.Loader;
using System.Text.Json;
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
    /// <summary>Runs every test of the suite with these runsettings parameters; returns an <see cref="InProcessRun"/> as JSON.</summary>
    public static string Run(string suiteAssembly, Dictionary<string, string> parameters, int workers)
    {
        var context = AssemblyLoadContext.GetLoadContext(typeof(IsolatedSuiteEntry).Assembly)
            ?? throw new InvalidOperationException("Not loaded in a load context");
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(context.LoadFromAssemblyPath(suiteAssembly), new Dictionary<string, object>
        {
            [FrameworkPackageSettings.TestParametersDictionary] = parameters,
            [FrameworkPackageSettings.NumberOfTestWorkers] = workers,
        });
        var printed = new OutputCollector();
        var result = runner.Run(printed, TestFilter.Empty);
        var outcomes = Leaves(result).Select(r => (Result: r, Requirement: RequirementProperties.Of(r.Test))).Select(o => new SuiteOutcome(
            o.Result.FullName, o.Result.ResultState.Status.ToString(), o.Requirement?.Id, o.Result.Message, o.Requirement?.LevelName));
        return JsonSerializer.Serialize(new InProcessRun([.. outcomes], [.. Harness.Client.SecretRedaction.RedactedValues], printed.Texts));
    }

    private static IEnumerable<ITestResult> Leaves(ITestResult result) =>
        result.HasChildren ? result.Children.SelectMany(Leaves) : result.Test.IsSuite ? [] : [result];
}
