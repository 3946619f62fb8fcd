using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;
using FluentAssertions.Execution;

namespace Conformance.Harness.Assertions;

/// <summary>The one place where a mismatch becomes a failed assertion, through FluentAssertions' own chain.</summary>
internal static class Failures
{
    /// <summary>
    /// Fails the current assertion scope when <paramref name="mismatch"/> is set (at once outside a scope), with the
    /// expectation, what was found, the requirement and the exchange of <paramref name="response"/>.
    /// </summary>
    public static void Report(Mismatch? mismatch, MatrixResponse response) =>
        Execute.Assertion
            .ForCondition(mismatch is null)
            .FailWith(() => new FailReason("{0}", new Verbatim(
                FailureMessage.Compose(mismatch!.Expected, WithWhatWentWrong(mismatch.Actual, response), response.Exchange))));

    // A field check alone says only "absent"; when the body is unreadable or the answer was a redirect, that is why,
    // and it belongs on the same first line.
    private static string WithWhatWentWrong(string actual, MatrixResponse response) =>
        (response.BodyProblem is not null || response.IsRedirect) && !actual.Contains(response.Summary, StringComparison.Ordinal)
            ? $"{actual}: the server answered {response.Summary}"
            : actual;

    // FluentAssertions reads braces in a message as placeholders ({0}, {reason}, {context}); a body quoted in the
    // message has braces of its own, so the message goes in as the one argument, which it prints as it is.
    private sealed class Verbatim(string text)
    {
        public override string ToString() => text;
    }
}
