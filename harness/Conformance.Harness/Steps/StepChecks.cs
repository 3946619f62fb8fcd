using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;

namespace Conformance.Harness.Steps;

/// <summary>What a step checks of an answer before a test stands on it: a mismatch blocks the test (<see cref="Blocked"/>), never fails it.</summary>
public static class StepChecks
{
    /// <summary>
    /// <paramref name="response"/>, once it passes <paramref name="matcher"/>; otherwise the test ends blocked by
    /// <paramref name="ruleId"/>, the rule whose own test judges that answer.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The answer is not what the step needs.</exception>
    public static MatrixResponse NeededBy(this MatrixResponse response, Matcher<MatrixResponse> matcher, string ruleId, string step)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(matcher);
        return matcher.Match(response) is { } mismatch
            ? throw Blocked.Step(ruleId, step, mismatch.Expected, mismatch.Actual, response.Exchange)
            : response;
    }
}
