using System.Text.Json.Nodes;

namespace Conformance.Harness.Client;

/// <summary>POST /login bodies.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#post_matrixclientv3login</remarks>
public static class LoginBodies
{
    /// <summary><c>m.login.password</c> with an <c>m.id.user</c> identifier (full ID or localpart).</summary>
    public static JsonObject Password(string user, string? password) => new()
    {
        ["type"] = "m.login.password",
        ["identifier"] = new JsonObject { ["type"] = "m.id.user", ["user"] = user },
        ["password"] = password,
    };

    /// <summary><c>m.login.password</c> with an <c>m.id.thirdparty</c> identifier: a third-party ID of <paramref name="medium"/> (e.g. <c>email</c>).</summary>
    public static JsonObject ThirdPartyPassword(string medium, string address, string password) => new()
    {
        ["type"] = "m.login.password",
        ["identifier"] = new JsonObject { ["type"] = "m.id.thirdparty", ["medium"] = medium, ["address"] = address },
        ["password"] = password,
    };

    /// <summary>The login type, and registration type, of application services.</summary>
    /// <remarks>https://spec.matrix.org/v1.19/application-service-api/#server-admin-style-permissions</remarks>
    public const string AppServiceType = "m.login.application_service";

    /// <summary><c>m.login.application_service</c> with an <c>m.id.user</c> identifier (full ID or localpart).</summary>
    public static JsonObject AppService(string user) => new()
    {
        ["type"] = AppServiceType,
        ["identifier"] = new JsonObject { ["type"] = "m.id.user", ["user"] = user },
    };

    /// <summary>The body with <paramref name="overrides"/> laid over it (each key replaced).</summary>
    public static JsonObject With(this JsonObject body, JsonObject overrides)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(overrides);
        foreach (var (key, value) in overrides)
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }
}
