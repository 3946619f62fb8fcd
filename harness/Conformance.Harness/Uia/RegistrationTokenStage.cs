using System.Text.Json.Nodes;

namespace Conformance.Harness.Uia;

/// <summary><c>m.login.registration_token</c>, completed with a token the maintainer configured.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#token-authenticated-registration</remarks>
public sealed class RegistrationTokenStage(string token) : IUiaStage
{
    /// <inheritdoc />
    public string Type => "m.login.registration_token";

    /// <inheritdoc />
    public JsonObject Auth(string? session)
    {
        var auth = UiaAuth.Of(Type, session);
        auth["token"] = token;
        return auth;
    }
}
