using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;
using static Conformance.Harness.Assertions.Matching.ResponseMatchers;

namespace Conformance.Harness.Assertions.Verdicts;

/// <summary>What user-interactive authentication asks of an answer.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#user-interactive-authentication-api</remarks>
public static class UiaVerdicts
{
    /// <summary>A UIA challenge: 401 with <c>flows</c>, each flow an object with a <c>stages</c> array of strings, and a string <c>session</c> if any.</summary>
    /// <param name="mayOfferNoFlow">
    /// Whether an empty <c>flows</c> array passes: the schema allows it, and a server that offers none of its stages to
    /// this user (get_token on an SSO-only server) still answers with a challenge.
    /// </param>
    public static Matcher<MatrixResponse> Challenge(bool mayOfferNoFlow = false)
    {
        var flows = Field("flows");
        return Matchers.All(
            Status(401),
            mayOfferNoFlow ? flows.IsArray() : flows.IsNonEmptyArray(),
            flows.Every("flow", JsonMatchers.Field("stages").IsArrayOfStrings()),
            Field("session").IfPresent(session => session.IsString()));
    }

    /// <summary>
    /// The answer to a failed attempt at a stage: the challenge again (401 with its flows) and the standard
    /// <c>errcode</c> and <c>error</c> strings saying what went wrong.
    /// </summary>
    public static Matcher<MatrixResponse> FailedStage() =>
        Matchers.All(Challenge(), Field("errcode").IsString(), Field("error").IsString());
}
