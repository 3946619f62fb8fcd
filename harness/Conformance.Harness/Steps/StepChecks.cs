using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;

namespace Conformance.Harness.Steps;

/// <summary>What a step checks of an answer before a test stands on it: a mismatch blocks the test (<see cref="Blocked"/>), never fails it.</summary>
public static class StepChecks
{
    /// <summary><paramref name="response"/>, once its status is <paramref name="status"/>; otherwise the test is blocked by <paramref name="ruleId"/>.</summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The status is another.</exception>
    public static MatrixResponse NeededStatus(this MatrixResponse response, int status, string ruleId, string step) =>
        response.NeededBy(ResponseMatchers.Status(status), ruleId, step);

    /// <summary>
    /// <paramref name="response"/>, once it is an error (a 4xx or 5xx status): what a check of the shape of error
    /// bodies stands on. Any other answer blocks the test on <paramref name="ruleId"/>, the rule that says this
    /// request must be refused.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The answer is no error.</exception>
    public static MatrixResponse AsAnErrorAnswer(this MatrixResponse response, string ruleId) =>
        response.NeededBy(new Matcher<MatrixResponse>("an error answer (4xx or 5xx)", r => r.StatusCode >= 400 ? null : ResponseMatchers.Got(r)), ruleId, "an error answer");

    /// <summary>
    /// The answer <paramref name="answer"/> gives, once it gives one: a request the server never answered in full
    /// blocks the test on <paramref name="ruleId"/>, the rule that says how the server must answer it (its own test
    /// fails on the time-out).
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The request got no complete answer.</exception>
    public static async Task<MatrixResponse> AnsweredAsync(this Task<MatrixResponse> answer, string ruleId, string step)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            return await answer;
        }
        catch (TransportException e) when (e.Exchange is { } exchange)
        {
            throw Blocked.Step(ruleId, step, "a complete answer", exchange.Failure ?? "none came", exchange);
        }
    }

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
