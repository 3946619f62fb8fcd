using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;
using Conformance.Harness.RateLimits;
using static Conformance.Harness.Assertions.Matching.ResponseMatchers;

namespace Conformance.Harness.Assertions.Verdicts;

/// <summary>What the spec's error model asks of an answer.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#standard-error-response</remarks>
public static class ErrorVerdicts
{
    /// <summary>A standard error response: this status and this <c>errcode</c>.</summary>
    public static Matcher<MatrixResponse> MatrixError(int status, string errcode) =>
        Matchers.All(Status(status), Field("errcode").Is(errcode)).Expecting($"HTTP {status} with errcode {errcode}", Got);

    /// <summary>An error body whose <c>errcode</c> is one of <paramref name="errcodes"/>, whatever its status: a rule's errcode binds at a weaker level than its status.</summary>
    public static Matcher<MatrixResponse> ErrCodeOneOf(params string[] errcodes) =>
        Field("errcode").IsStringWhere(string.Join(" or ", errcodes), errcodes.Contains)
            .Expecting("errcode " + string.Join(" or ", errcodes), Got);

    /// <summary>A standard error body: a JSON object with a string <c>errcode</c> and a string <c>error</c>.</summary>
    public static Matcher<MatrixResponse> StandardErrorBody()
    {
        var (errcode, error) = (Field("errcode"), Field("error"));
        return Matchers.All(JsonObjectBody(), errcode.IsString(), error.IsString()).Expecting(
            "an error body that is a JSON object with string \"errcode\" and \"error\"",
            r => r.Body is null ? "the body is not a JSON object" : $"errcode is {errcode.Describe(r)} and error is {error.Describe(r)}");
    }

    /// <summary>A <c>Retry-After</c> header in seconds or as an HTTP date, as a 429 should carry.</summary>
    public static Matcher<MatrixResponse> RetryAfterHeader() =>
        Header("Retry-After").Where(
            "a Retry-After header (seconds or an HTTP date)",
            value => RetryAfter.Of(new Dictionary<string, string> { ["Retry-After"] = value }, null) is not null);
}
