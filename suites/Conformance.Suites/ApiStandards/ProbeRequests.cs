using System.Text.Json.Nodes;

namespace Conformance.Suites.ApiStandards;

/// <summary>Requests whose answers the API-standards checks inspect.</summary>
public static class ProbeRequests
{
    private const string V3 = MatrixClient.V3;

    public static IEnumerable<TestCaseData> JsonAnswers()
    {
        yield return Case("GET /versions", MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/versions"));
        yield return Case("GET /login", MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/login"));
        yield return Case("POST /register without auth (401)", MatrixRequest.Json(HttpMethod.Post, V3 + "/register", new JsonObject()));
        yield return Case("GET /account/whoami without a token (401)", MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/account/whoami"));
    }

    /// <summary>Requests every server refuses, each with the rule that says it must be refused (an answer that is no error is that rule's to judge).</summary>
    public static IEnumerable<TestCaseData> ErrorAnswers()
    {
        yield return Case("no access token", MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/account/whoami"), "TOKEN-MISSING");
        yield return Case("unknown access token", MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/account/whoami", "no-such-token"), "TOKEN-MISSING");
        // Too long for any server: a user ID is at most 255 bytes, and mapping cannot shorten it.
        yield return Case("username too long", MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/register/available") with { Query = [new("username", new string('x', 300))] },
            "AVAIL-INVALID");
        yield return Case("unknown endpoint", MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/org.example.no_such_endpoint"), "API-UNRECOGNIZED");
        // Not a login: a rate-limited server counts every login attempt, and LOGIN-WRONG already sees a refused one.
        yield return Case("unknown kind at register", MatrixRequest.Json(HttpMethod.Post, V3 + "/register", new JsonObject()) with { Query = [new("kind", "org.example.no_such_kind")] },
            "REG-KIND-INVALID");
    }

    public static IEnumerable<TestCaseData> CorsAnswers()
    {
        yield return Case("GET /versions", MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/versions"));
        yield return Case("an error (401)", MatrixRequest.Bodiless(HttpMethod.Get, V3 + "/account/whoami"));
        yield return Case("OPTIONS /register", MatrixRequest.Bodiless(HttpMethod.Options, V3 + "/register"));
    }

    /// <summary>A check of a made-up registration token: it spends no login attempt and makes no account.</summary>
    public static MatrixRequest TokenValidity() =>
        MatrixRequest.Bodiless(HttpMethod.Get, "/_matrix/client/v1/register/m.login.registration_token/validity") with { Query = [new("token", "conformance-rate-probe")] };

    private static TestCaseData Case(string name, MatrixRequest request) => new TestCaseData(request).SetArgDisplayNames(name);

    private static TestCaseData Case(string name, MatrixRequest request, string refusedBy) => new TestCaseData(request, refusedBy).SetArgDisplayNames(name);
}
