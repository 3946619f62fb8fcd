using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace Conformance.Harness.Running;

/// <summary>
/// Runs around the test body only, and hands its result, with whatever the body threw recorded in it, to
/// <see cref="Adjust"/>; so the TearDown that writes the report already sees the adjusted result.
/// </summary>
public abstract class ResultAdjustingCommand(TestCommand inner) : DelegatingTestCommand(inner)
{
    /// <inheritdoc />
    public sealed override TestResult Execute(TestExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            context.CurrentResult = innerCommand.Execute(context);
        }
        catch (Exception e)
        {
            // NUnit records what the body threw further out; do it here so the result can be adjusted.
            context.CurrentResult.RecordException(e);
        }

        return Adjust(context, context.CurrentResult);
    }

    /// <summary>The result the test ends with, given what its body left.</summary>
    protected abstract TestResult Adjust(TestExecutionContext context, TestResult result);
}
