using System.Text;

namespace Conformance.Suites.Registration;

/// <summary>Request bodies the common error codes classify: not JSON (M_NOT_JSON) and JSON of the wrong shape (M_BAD_JSON).</summary>
public static class MalformedBodies
{
    public static IEnumerable<TestCaseData> NotJson()
    {
        yield return Case("truncated JSON", Encoding.UTF8.GetBytes("{\"username\": \"alice"));
        yield return Case("plain text", Encoding.UTF8.GetBytes("username=alice&password=secret"));
        yield return Case("empty body", []);
        yield return Case("invalid UTF-8 in a string", [.. Encoding.UTF8.GetBytes("{\"username\": \""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")]);
    }

    public static IEnumerable<TestCaseData> NotAnObject()
    {
        yield return Case("a JSON array", Encoding.UTF8.GetBytes("[\"alice\"]"));
        yield return Case("a JSON string", Encoding.UTF8.GetBytes("\"alice\""));
        yield return Case("a JSON number", Encoding.UTF8.GetBytes("42"));
    }

    private static TestCaseData Case(string name, byte[] body) => new TestCaseData(body).SetArgDisplayNames(name);
}
