using System.Text.Json.Nodes;

namespace Conformance.Harness.Uia;

/// <summary><c>m.login.dummy</c>: completes with nothing but its type and the session.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#dummy-auth</remarks>
public sealed class DummyStage : IUiaStage
{
    /// <inheritdoc />
    public string Type => "m.login.dummy";

    /// <inheritdoc />
    public JsonObject Auth(string? session) => UiaAuth.Of(Type, session);
}
