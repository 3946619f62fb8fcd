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
}
