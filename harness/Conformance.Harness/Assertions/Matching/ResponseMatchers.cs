using Conformance.Harness.Client;

namespace Conformance.Harness.Assertions.Matching;

/// <summary>Checks of one part of a response: its status, its body's shape, a top-level field, a header.</summary>
public static class ResponseMatchers
{
    /// <summary>The status is exactly <paramref name="status"/>.</summary>
    public static Matcher<MatrixResponse> Status(int status) => new($"HTTP {status}", r => r.StatusCode == status ? null : Got(r));

    /// <summary>A 2xx status.</summary>
    public static Matcher<MatrixResponse> Success() => new("a 2xx status", r => r.IsSuccess ? null : Got(r));

    /// <summary>A 4xx status.</summary>
    public static Matcher<MatrixResponse> ClientError() => new("a 4xx status", r => r.StatusCode is >= 400 and <= 499 ? null : Got(r));

    /// <summary>A body that could be read as JSON, or no body at all.</summary>
    public static Matcher<MatrixResponse> ReadableBody() => new("a body that can be read", r => r.BodyProblem is null ? null : "the body cannot be read");

    /// <summary>A body that is a JSON object.</summary>
    public static Matcher<MatrixResponse> JsonObjectBody() =>
        new("a JSON object body", r => r.Body is null ? "the body is not a JSON object" : null);

    /// <summary>Checks of the top-level field <paramref name="name"/> of the body.</summary>
    public static FieldMatchers<MatrixResponse> Field(string name) => new(name, r => r.Body, r => r.BodyProblem is not null);

    /// <summary>Checks of the header <paramref name="name"/> (any case).</summary>
    public static HeaderMatchers Header(string name) => new(name);

    /// <summary>"got HTTP 400 with errcode M_X": what a check of the whole answer found.</summary>
    public static string Got(MatrixResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return $"got {response.Summary}";
    }
}
