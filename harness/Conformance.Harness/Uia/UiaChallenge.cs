using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Harness.Client;

namespace Conformance.Harness.Uia;

/// <summary>A 401 UIA answer, read: the flows offered, the session, the stage parameters and what is completed.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#user-interactive-authentication-api</remarks>
public sealed record UiaChallenge(
    IReadOnlyList<IReadOnlyList<string>> Flows, string? Session, JsonObject? Params, IReadOnlyList<string> Completed)
{
    /// <summary>The challenge in <paramref name="response"/>, or null when it is not a 401 with flows.</summary>
    public static UiaChallenge? From(MatrixResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != 401 || response.Body?["flows"] is not JsonArray flows)
        {
            return null;
        }

        var parsed = flows.Select(flow => (IReadOnlyList<string>)Strings(flow?["stages"])).ToList();
        var completed = Strings(response.Body["completed"]);
        return new UiaChallenge(parsed, response.StringField("session"), response.Body["params"] as JsonObject, completed);
    }

    /// <summary>The flows written as <c>[a, b] | [c]</c>, for messages.</summary>
    public string DescribeFlows() => string.Join(" | ", Flows.Select(f => "[" + string.Join(", ", f) + "]"));

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array
            ? [.. array.Where(s => s?.GetValueKind() == JsonValueKind.String).Select(s => s!.GetValue<string>())]
            : [];
}
