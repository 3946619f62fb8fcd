using System.Runtime.Loader;
using System.Text.Json;
using Conformance.Harness.Running;
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
        var outcomes = Leaves(result).Select(r => new SuiteOutcome(
            r.FullName, r.ResultState.Status.ToString(), PropertyOf(r.Test, "Requirement"), r.Message, PropertyOf(r.Test, "Level")));
        return JsonSerializer.Serialize(new InProcessSuiteResult([.. outcomes], [.. ActiveRun.LastEnding?.SecretsRedacted ?? []], printed.Texts));
    }

    /// <summary>A parameterised case carries no properties of its own; its method (the parent) names the requirement and level.</summary>
    private static string? PropertyOf(ITest? test, string name)
    {
        for (; test is not null; test = test.Parent)
        {
            if (test.Properties.Get(name) is string value)
            {
                return value;
            }
        }

        return null;
    }

    private static IEnumerable<ITestResult> Leaves(ITestResult result) =>
        result.HasChildren ? result.Children.SelectMany(Leaves) : result.Test.IsSuite ? [] : [result];
}
