using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;
using FluentAssertions.Execution;

namespace Conformance.Harness.Assertions;

/// <summary>The one place where a mismatch becomes a failed assertion, in FluentAssertions' current scope.</summary>
internal static class Failures
{
    /// <summary>
    /// Fails the current assertion scope when <paramref name="mismatch"/> is set (at once outside a scope), with the
    /// expectation, what was found, the requirement and the exchange of <paramref name="response"/>.
    /// </summary>
    /// <remarks>
    /// The message is composed here, whole, and handed to the scope as it is. <c>FailWith</c> would read the braces of
    /// a quoted body as placeholders (<c>{0}</c>, <c>{reason}</c>), and it names the subject by walking the stack and
    /// reading the caller's source on every failure: milliseconds each, which a hostile server's run of a hundred
    /// failures cannot spare within its budget.
    /// </remarks>
    public static void Report(Mismatch? mismatch, MatrixResponse response)
    {
        if (mismatch is not null)
        {
            Execute.Assertion.AddPreFormattedFailure(
                FailureMessage.Compose(mismatch.Expected, WithWhatWentWrong(mismatch.Actual, response), response.Exchange));
        }
    }

    // A field check alone says only "absent"; when the body is unreadable or the answer was a redirect, that is why,
    // and it belongs on the same first line.
    private static string WithWhatWentWrong(string actual, MatrixResponse response) =>
        (response.BodyProblem is not null || response.IsRedirect) && !actual.Contains(response.Summary, StringComparison.Ordinal)
            ? $"{actual}: the server answered {response.Summary}"
            : actual;
}
