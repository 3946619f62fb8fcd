using Conformance.Harness.Client;

namespace Conformance.Harness.Tests.Assertions.Matching;

/// <summary>Responses built in memory, for checks that are pure functions of what the server answered.</summary>
internal static class Responses
{
    public static MatrixResponse Json(int status, string body) => With(status, body, null, new Dictionary<string, string> { ["Content-Type"] = "application/json" });

    public static MatrixResponse Unreadable(int status, string problem) => With(status, "<html>", problem, new Dictionary<string, string> { ["Content-Type"] = "text/html" });

    public static MatrixResponse WithHeaders(params (string Name, string Value)[] headers) =>
        With(200, "{}", null, headers.ToDictionary(h => h.Name, h => h.Value));

    private static MatrixResponse With(int status, string body, string? problem, Dictionary<string, string> headers) =>
        new(status, new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase), body, problem,
            new Exchange(new RecordedMessage("GET /_matrix/client/v3/x", new Dictionary<string, string>(), string.Empty), null, DateTimeOffset.UnixEpoch, TimeSpan.Zero, "built in memory"));
}
