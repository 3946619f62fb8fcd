using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;
using static Conformance.Harness.Assertions.Matching.ResponseMatchers;

namespace Conformance.Harness.Assertions.Verdicts;

/// <summary>What the spec's CORS rules ask of an answer.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#web-browser-clients</remarks>
public static class CorsVerdicts
{
    /// <summary>A 2xx with no sign of endpoint logic (no UIA flows, no errcode): what OPTIONS must get.</summary>
    public static Matcher<MatrixResponse> AnsweredWithoutRunningTheEndpoint() =>
        // An unreadable body could hold flows or an errcode: it is no evidence that the endpoint did not run.
        Matchers.All(Success(), Matchers.Not(Field("flows").IsPresent()), Matchers.Not(Field("errcode").IsString()), ReadableBody())
            .Expecting("a 2xx answer that runs none of the endpoint's logic", Got);
}
