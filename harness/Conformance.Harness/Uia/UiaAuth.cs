using System.Text.Json.Nodes;

namespace Conformance.Harness.Uia;

/// <summary>Builds <c>auth</c> objects.</summary>
public static class UiaAuth
{
    /// <summary><c>{"type": type, "session": session}</c>, without <c>session</c> when it is null.</summary>
    public static JsonObject Of(string type, string? session)
    {
        var auth = new JsonObject { ["type"] = type };
        if (session is not null)
        {
            auth["session"] = session;
        }

        return auth;
    }

    /// <summary>The body with <paramref name="auth"/> set as its <c>auth</c> object.</summary>
    public static JsonObject WithAuth(this JsonObject body, JsonObject auth)
    {
        ArgumentNullException.ThrowIfNull(body);
        body["auth"] = auth;
        return body;
    }
}
