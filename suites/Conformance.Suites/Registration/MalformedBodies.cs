using System.Text;

namespace Conformance.Suites.Registration;

/// <summary>Request bodies the common error codes classify: not JSON (M_NOT_JSON) and JSON of the wrong shape (M_BAD_JSON).</summary>
public static class MalformedBodies
{
    /// <summary>JSON cut off mid-string: the body whose refusal the error-shape check reads.</summary>
    public static MalformedBody Truncated { get; } = new("truncated JSON", Encoding.UTF8.GetBytes("{\"username\": \"alice"), ErrCode.NotJson);

    private static readonly MalformedBody[] NotJsonBodies =
    [
        Truncated,
        new("plain text", Encoding.UTF8.GetBytes("username=alice&password=secret"), ErrCode.NotJson),
        new("empty body", [], ErrCode.NotJson),
        new("invalid UTF-8 in a string", [.. Encoding.UTF8.GetBytes("{\"username\": \""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")], ErrCode.NotJson),
    ];

    private static readonly MalformedBody[] NotAnObjectBodies =
    [
        new("a JSON array", Encoding.UTF8.GetBytes("[\"alice\"]"), ErrCode.BadJson),
        new("a JSON string", Encoding.UTF8.GetBytes("\"alice\""), ErrCode.BadJson),
        new("a JSON number", Encoding.UTF8.GetBytes("42"), ErrCode.BadJson),
    ];

    public static IEnumerable<TestCaseData> All() => NotJsonBodies.Concat(NotAnObjectBodies).Select(Case);

    private static TestCaseData Case(MalformedBody body) => new TestCaseData(body).SetArgDisplayNames(body.Name);
}

/// <summary>
/// One malformed body and its one registration attempt per run, which the status test and the errcode test of the
/// body both read.
/// </summary>
/// <param name="Name">What is wrong with it, as the test case shows it.</param>
/// <param name="Content">The bytes sent as the body of POST /register.</param>
/// <param name="ErrCode">The common error code that names what is wrong with it: M_NOT_JSON or M_BAD_JSON.</param>
public sealed record MalformedBody(string Name, byte[] Content, string ErrCode)
{
    /// <summary>The server's answer to the body, sent once per run.</summary>
    public OncePerRun<MatrixResponse> Answer { get; } = new(client => client.PostRegisterRawAsync(Content));
}
