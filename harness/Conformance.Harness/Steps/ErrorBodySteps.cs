using System.Text.Json;
using Conformance.Harness.Client;

namespace Conformance.Harness.Steps;

/// <summary>What a check of an errcode stands on: an error body that carries one at all.</summary>
public static class ErrorBodySteps
{
    /// <summary>
    /// Blocks the test on API-ERROR-SHAPE when <paramref name="response"/> has the <paramref name="status"/> the test
    /// wants and a JSON object body, but no string <c>errcode</c>: which errcode a rule names cannot be told from an
    /// error body without one, and every error body must carry one (API-ERROR-SHAPE's own rule).
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The error body has no errcode.</exception>
    public static void NeedsAnErrcode(MatrixResponse response, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == status)
        {
            NeedsAnErrcode(response);
        }
    }

    /// <summary>
    /// Blocks the test on API-ERROR-SHAPE when <paramref name="response"/> is an error (4xx or 5xx) with a JSON object
    /// body but no string <c>errcode</c>: a check of the errcode alone, whose status another check judges.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The error body has no errcode.</exception>
    public static void NeedsAnErrcode(MatrixResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode >= 400 && response.Body is { } body && body["errcode"]?.GetValueKind() != JsonValueKind.String)
        {
            throw Blocked.Step("API-ERROR-SHAPE", "an error body whose errcode the test reads",
                "a string errcode, which every error body carries", "the body has none", response.Exchange);
        }
    }
}
