using Conformance.Harness.Running;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace Conformance.Harness.Reproductions;

/// <summary>
/// Adds to a failed test's message, after the rule and the exchange it shows, the bash script that replays the test's
/// exchanges (<see cref="ReproductionScript"/>), and writes it to the run's results folder and the test's report.
/// </summary>
public sealed class ReproductionCommand(TestCommand inner) : ResultAdjustingCommand(inner)
{
    /// <inheritdoc />
    protected override TestResult Adjust(TestExecutionContext context, TestResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        if (result.ResultState.Status != TestStatus.Failed || ConformanceTest.Of(context) is not { Exchanges.Count: > 0 } test
            || ConformanceTest.RunOf(context) is not { } run)
        {
            return result;
        }

        var current = context.CurrentTest;
        var shortClass = current.ClassName is { } name ? name[(name.LastIndexOf('.') + 1)..] : string.Empty;
        var method = current.MethodName ?? current.Name;
        var script = ReproductionScript.Of($"{shortClass}.{current.Name}", test.Exchanges, run.Transport.BaseUrl, run.Transport.Logs, run.Fake.Nonce);
        var arguments = current.Name.Length > method.Length ? current.Name[method.Length..] : string.Empty;
        var path = run.Report.WriteReproduction(shortClass, method, arguments, script);
        test.Reproduction = script;
        var message = result.Message ?? string.Empty;
        var separator = message.Length == 0 || message.EndsWith('\n') ? string.Empty : "\n";
        result.SetResult(result.ResultState, $"{message}{separator}--- reproduction: bash {path} (the same script below) ---\n{script}", result.StackTrace);
        return result;
    }
}
