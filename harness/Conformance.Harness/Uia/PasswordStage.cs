using System.Text.Json.Nodes;

namespace Conformance.Harness.Uia;

/// <summary><c>m.login.password</c> with an <c>m.id.user</c> identifier, for endpoints that re-ask the password.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#password-based</remarks>
public sealed class PasswordStage(string userId, string password) : IUiaStage
{
    /// <inheritdoc />
    public string Type => "m.login.password";

    /// <inheritdoc />
    public JsonObject Auth(string? session)
    {
        var auth = UiaAuth.Of(Type, session);
        auth["identifier"] = new JsonObject { ["type"] = "m.id.user", ["user"] = userId };
        auth["password"] = password;
        return auth;
    }
}
