using System.Text.Json;
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
            Fail($"\"{name}\" to be \"{expected}\"", actual is null ? $"\"{name}\" is {Describe(name)}" : $"it is \"{actual}\"");
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
        if (Subject.HasField(name))
        {
            Fail($"no \"{name}\" field", $"\"{name}\" is {Describe(name)}");
        }

        return new(this);
    }

    /// <summary>A UIA challenge: 401 with <c>flows</c>, each flow an object with a <c>stages</c> array of strings.</summary>
    public AndConstraint<MatrixResponseAssertions> BeUiaChallenge()
    {
        HaveStatus(401);
        var flows = Subject.Body?["flows"];
        if (flows is not System.Text.Json.Nodes.JsonArray array || array.Count == 0)
        {
            Fail("a non-empty \"flows\" array", $"\"flows\" is {Describe("flows")}");
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

    private string Describe(string name) =>
        !Subject.HasField(name) ? "absent" : Subject.Body![name]?.ToJsonString() ?? "null";

    private void Fail(string expectation, string actual) =>
        Services.ThrowException(FailureMessage.Compose(expectation, actual, Subject.Exchange));
}
