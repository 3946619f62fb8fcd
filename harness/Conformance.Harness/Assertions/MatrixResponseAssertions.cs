using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Harness.Client;
using FluentAssertions;
using FluentAssertions.Common;
using FluentAssertions.Primitives;

namespace Conformance.Harness.Assertions;

/// <summary>Assertions on one server response that read like the spec sentence they check.</summary>
public sealed class MatrixResponseAssertions(MatrixResponse subject)
    : ReferenceTypeAssertions<MatrixResponse, MatrixResponseAssertions>(subject)
{
    /// <inheritdoc />
    protected override string Identifier => "response";

    /// <summary>The status is exactly <paramref name="status"/>.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveStatus(int status)
    {
        if (Subject.StatusCode != status)
        {
            Fail($"HTTP {status}", $"got {Subject.Summary}");
        }

        return new(this);
    }

    /// <summary>A 2xx status with a JSON object body.</summary>
    public AndConstraint<MatrixResponseAssertions> BeSuccessfulJsonObject()
    {
        if (!Subject.IsSuccess || Subject.Body is null)
        {
            Fail("a 2xx response with a JSON object body", $"got {Subject.Summary}");
        }

        return new(this);
    }

    /// <summary>A standard error response: this status, a JSON object body, and this <c>errcode</c>.</summary>
    public AndConstraint<MatrixResponseAssertions> BeMatrixError(int status, string errcode)
    {
        if (Subject.StatusCode != status || Subject.ErrCode != errcode)
        {
            Fail($"HTTP {status} with errcode {errcode}", $"got {Subject.Summary}");
        }

        return new(this);
    }

    /// <summary>A top-level string field with exactly this value.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveStringField(string name, string expected)
    {
        var actual = Subject.StringField(name);
        if (actual != expected)
        {
            Fail($"\"{name}\" to be \"{Shown(name, expected)}\"", actual is null ? $"\"{name}\" is {Describe(name)}" : $"it is \"{Shown(name, actual)}\"");
        }

        return new(this);
    }

    /// <summary>The top-level string field is not <paramref name="unexpected"/> (absent counts as not equal).</summary>
    public AndConstraint<MatrixResponseAssertions> NotHaveStringFieldEqualTo(string name, string unexpected)
    {
        if (Subject.StringField(name) == unexpected || Subject.BodyProblem is not null)
        {
            Fail($"\"{name}\" not to be \"{unexpected}\"", UnlessUnreadable("it is"));
        }

        return new(this);
    }

    /// <summary>A top-level, non-empty string field.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveNonEmptyStringField(string name)
    {
        if (string.IsNullOrEmpty(Subject.StringField(name)))
        {
            Fail($"a non-empty string \"{name}\"", $"\"{name}\" is {Describe(name)}");
        }

        return new(this);
    }

    /// <summary>The top-level field is absent.</summary>
    public AndConstraint<MatrixResponseAssertions> NotHaveField(string name)
    {
        if (Subject.HasField(name) || Subject.BodyProblem is not null)
        {
            Fail($"no \"{name}\" field", UnlessUnreadable($"\"{name}\" is {Describe(name)}"));
        }

        return new(this);
    }

    /// <summary>The top-level field is present, whatever its value.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveField(string name)
    {
        if (!Subject.HasField(name))
        {
            Fail($"a \"{name}\" field", "it is absent");
        }

        return new(this);
    }

    /// <summary>A top-level boolean field with exactly this value.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveBoolField(string name, bool expected)
    {
        var kind = Subject.Body?[name]?.GetValueKind();
        if (kind != (expected ? JsonValueKind.True : JsonValueKind.False))
        {
            Fail($"\"{name}\" to be {(expected ? "true" : "false")}", $"\"{name}\" is {Describe(name)}");
        }

        return new(this);
    }

    /// <summary>The top-level field is absent or false.</summary>
    public AndConstraint<MatrixResponseAssertions> NotHaveTrueField(string name)
    {
        if ((Subject.Body?[name]?.GetValueKind() is { } kind && kind != JsonValueKind.False) || Subject.BodyProblem is not null)
        {
            Fail($"\"{name}\" to be absent or false", UnlessUnreadable($"\"{name}\" is {Describe(name)}"));
        }

        return new(this);
    }

    /// <summary>A standard error body: a JSON object with a string <c>errcode</c> and a string <c>error</c>.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveStandardErrorBody()
    {
        if (Subject.Body is null || Subject.ErrCode is null || Subject.StringField("error") is null)
        {
            Fail("an error body that is a JSON object with string \"errcode\" and \"error\"",
                Subject.Body is null ? "the body is not a JSON object" : $"errcode is {Describe("errcode")} and error is {Describe("error")}");
        }

        return new(this);
    }

    /// <summary>The media type of <c>Content-Type</c> is <c>application/json</c> (parameters such as charset allowed).</summary>
    public AndConstraint<MatrixResponseAssertions> HaveJsonContentType()
    {
        if (Subject.MediaType != "application/json")
        {
            Fail("Content-Type application/json",
                Subject.Headers.TryGetValue("Content-Type", out var type) ? $"it is \"{type}\"" : "there is no Content-Type");
        }

        return new(this);
    }

    /// <summary>
    /// The header lists every one of <paramref name="required"/> (comma-separated, any case), or <c>*</c> where the
    /// Fetch standard lets the wildcard stand for it.
    /// </summary>
    public AndConstraint<MatrixResponseAssertions> HaveHeaderListing(string header, params string[] required)
    {
        var listed = Subject.Headers.TryGetValue(header, out var value)
            ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        var missing = required.Where(r => !listed.Contains(r, StringComparer.OrdinalIgnoreCase) && !(listed.Contains("*") && WildcardCovers(header, r))).ToList();
        if (missing.Count > 0)
        {
            Fail($"{header} to list {string.Join(", ", required)}", value is null ? "the header is absent" : $"it is \"{value}\"");
        }

        return new(this);
    }

    // Fetch: in Access-Control-Allow-Headers, "*" never covers Authorization, so a browser would still refuse a request
    // carrying an access token.
    private static bool WildcardCovers(string header, string name) =>
        !(header.Equals("Access-Control-Allow-Headers", StringComparison.OrdinalIgnoreCase) && name.Equals("Authorization", StringComparison.OrdinalIgnoreCase));

    /// <summary>A non-empty <c>flows</c> array whose every entry has a string <c>type</c> (GET /login).</summary>
    public AndConstraint<MatrixResponseAssertions> HaveLoginFlowsWithTypes()
    {
        if (Subject.Body?["flows"] is not System.Text.Json.Nodes.JsonArray flows || flows.Count == 0
            || flows.Any(f => f?["type"]?.GetValueKind() != JsonValueKind.String))
        {
            Fail("a non-empty \"flows\" array whose every flow has a string \"type\"", $"\"flows\" is {Describe("flows")}");
        }

        return new(this);
    }

    /// <summary>The value at the nested path (objects only) is JSON <c>true</c>.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveTrueAt(params string[] path)
    {
        System.Text.Json.Nodes.JsonNode? node = Subject.Body;
        foreach (var key in path)
        {
            node = node is System.Text.Json.Nodes.JsonObject obj ? obj[key] : null;
        }

        if (node?.GetValueKind() != JsonValueKind.True)
        {
            Fail($"{string.Join(".", path)} to be true", $"it is {node?.ToJsonString() ?? "absent"}");
        }

        return new(this);
    }

    /// <summary>
    /// The answer to a retried, completed registration session: the same result (200 for <paramref name="username"/>)
    /// or a 401; never a second account or another error.
    /// </summary>
    public AndConstraint<MatrixResponseAssertions> BeTheSameRegistrationOrUiaRefusal(string username)
    {
        var userId = Subject.StringField("user_id");
        var sameResult = Subject.StatusCode == 200 && userId is not null && new Identifiers.UserId(userId).Localpart == username;
        if (!sameResult && Subject.StatusCode != 401)
        {
            Fail($"200 for {username} again, or 401", $"got {Subject.Summary}{(userId is null ? string.Empty : " for " + userId)}");
        }

        return new(this);
    }

    /// <summary>
    /// The field is present exactly when <paramref name="expected"/> says, as it was in <paramref name="comparedWith"/>:
    /// for a parameter the server must ignore, the answer looks as it does without it.
    /// </summary>
    public AndConstraint<MatrixResponseAssertions> HaveFieldExactlyWhen(string name, bool expected, string comparedWith)
    {
        if (Subject.HasField(name) != expected)
        {
            Fail($"\"{name}\" {(expected ? "present" : "absent")}, as in {comparedWith}", $"it is {(expected ? "absent" : "present")}");
        }

        return new(this);
    }

    /// <summary>
    /// A get_token answer that matches the user's <c>m.get_login_token</c> capability: a login token when it says
    /// enabled, a refusal when it says disabled.
    /// </summary>
    public AndConstraint<MatrixResponseAssertions> IssueALoginTokenExactlyWhen(bool capabilityEnabled)
    {
        var issued = Subject.StatusCode == 200 && Subject.StringField("login_token") is { Length: > 0 };
        if (issued != capabilityEnabled)
        {
            Fail(capabilityEnabled
                    ? "a login token, since GET /capabilities says m.get_login_token is enabled for this user"
                    : "a refusal, since GET /capabilities says m.get_login_token is disabled for this user",
                $"got {Subject.Summary}{(issued ? " with a login_token" : string.Empty)}");
        }

        return new(this);
    }

    /// <summary>A top-level field holding a JSON integer.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveIntegerField(string name)
    {
        if (Subject.IntegerField(name) is null)
        {
            Fail($"\"{name}\" to be an integer", $"\"{name}\" is {Describe(name)}");
        }

        return new(this);
    }

    /// <summary>An optional field: absent, or a JSON integer.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveIntegerFieldIfAny(string name) =>
        Subject.HasField(name) ? HaveIntegerField(name) : new(this);

    /// <summary>No account came of the request: not a 2xx, and no <c>user_id</c> or <c>access_token</c> in the body.</summary>
    public AndConstraint<MatrixResponseAssertions> NotRegisterAnAccount()
    {
        if (Subject.IsSuccess || Subject.HasField("user_id") || Subject.HasField("access_token"))
        {
            Fail("no registration (a refusal such as 401 or 400)", $"got {Subject.Summary}"
                + (Subject.StringField("user_id") is { } userId ? " for " + userId : string.Empty));
        }

        return new(this);
    }

    /// <summary>A 2xx with no sign of endpoint logic (no UIA flows, no errcode): what OPTIONS must get.</summary>
    public AndConstraint<MatrixResponseAssertions> BeSuccessfulWithoutRunningTheEndpoint()
    {
        // An unreadable body could hold flows or an errcode: it is no evidence that the endpoint did not run.
        if (!Subject.IsSuccess || Subject.HasField("flows") || Subject.ErrCode is not null || Subject.BodyProblem is not null)
        {
            Fail("a 2xx answer that runs none of the endpoint's logic", $"got {Subject.Summary}");
        }

        return new(this);
    }

    /// <summary>A <c>Retry-After</c> header in seconds or as an HTTP date.</summary>
    public AndConstraint<MatrixResponseAssertions> HaveRetryAfterHeader()
    {
        if (RateLimits.RetryAfter.Of(Subject.Headers, null) is null)
        {
            Fail("a Retry-After header (seconds or an HTTP date)",
                Subject.Headers.TryGetValue("Retry-After", out var value) ? $"it is \"{value}\"" : "there is none");
        }

        return new(this);
    }

    /// <summary>A UIA challenge: 401 with <c>flows</c>, each flow an object with a <c>stages</c> array of strings.</summary>
    /// <param name="mayOfferNoFlow">
    /// Whether an empty <c>flows</c> array passes: the schema allows it, and a server that offers none of its stages to
    /// this user (get_token on an SSO-only server) still answers with a challenge.
    /// </param>
    public AndConstraint<MatrixResponseAssertions> BeUiaChallenge(bool mayOfferNoFlow = false)
    {
        HaveStatus(401);
        var flows = Subject.Body?["flows"];
        if (flows is not System.Text.Json.Nodes.JsonArray array || (array.Count == 0 && !mayOfferNoFlow))
        {
            Fail(mayOfferNoFlow ? "a \"flows\" array" : "a non-empty \"flows\" array", $"\"flows\" is {Describe("flows")}");
            return new(this);
        }

        var badFlow = array.FirstOrDefault(flow => flow?["stages"] is not System.Text.Json.Nodes.JsonArray stages
            || stages.Any(s => s?.GetValueKind() != JsonValueKind.String));
        if (badFlow is not null || array.Any(flow => flow is null))
        {
            Fail("every flow to have a \"stages\" array of strings", $"one flow is {badFlow?.ToJsonString() ?? "null"}");
        }

        if (Subject.HasField("session") && Subject.StringField("session") is null)
        {
            Fail("\"session\", when present, to be a string", $"it is {Describe("session")}");
        }

        return new(this);
    }

    /// <remarks>A secret field's string value is shown as redacted: the message goes to logs and reports.</remarks>
    private string Describe(string name) => !Subject.HasField(name) ? "absent" : Subject.Body![name] switch
    {
        null => "null",
        JsonValue value when value.GetValueKind() == JsonValueKind.String && SecretRedaction.IsSecretName(name) => $"\"{SecretRedaction.Marker}\" (a string)",
        var node => node.ToJsonString(),
    };

    private static string Shown(string name, string value) => SecretRedaction.IsSecretName(name) ? SecretRedaction.Marker : value;

    // A body that cannot be read is no evidence that a field is absent; checks for absence fail on it, saying so.
    private string UnlessUnreadable(string actual) => Subject.BodyProblem is null ? actual : "the body cannot be read";

    private void Fail(string expectation, string actual) =>
        Services.ThrowException(FailureMessage.Compose(expectation, WithWhatWentWrong(actual), Subject.Exchange));

    // A field check alone says only "absent"; when the body is unreadable or the answer was a redirect, that is why,
    // and it belongs on the same first line.
    private string WithWhatWentWrong(string actual) =>
        (Subject.BodyProblem is not null || Subject.IsRedirect) && !actual.Contains(Subject.Summary, StringComparison.Ordinal)
            ? $"{actual}: the server answered {Subject.Summary}"
            : actual;
}
