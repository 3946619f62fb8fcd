using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Harness.Client;

namespace Conformance.Harness.Uia;

/// <summary>A 401 UIA answer, read: the flows offered, the session and what is completed.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#user-interactive-authentication-api</remarks>
public sealed record UiaChallenge(
    IReadOnlyList<IReadOnlyList<string>> Flows, string? Session, IReadOnlyList<string> Completed)
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
        return new UiaChallenge(parsed, response.StringField("session"), completed);
    }

    /// <summary>
    /// A stage that comes after another in some offered flow and that no offered flow is made of alone: completing it
    /// without the stages before it must complete nothing. Null when every flow has one stage.
    /// </summary>
    /// <param name="completable">Whether the harness can complete a stage type.</param>
    public string? StageThatWouldSkipAnother(Func<string, bool> completable)
    {
        ArgumentNullException.ThrowIfNull(completable);
        return Flows.Where(f => f.Count > 1).SelectMany(f => f.Skip(1))
            .FirstOrDefault(stage => completable(stage) && !Flows.Any(f => f.Count > 0 && f.All(s => s == stage)));
    }

    /// <summary>The flows written as <c>[a, b] | [c]</c>, for messages.</summary>
    public string DescribeFlows() => string.Join(" | ", Flows.Select(f => "[" + string.Join(", ", f) + "]"));

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array
            ? [.. array.Where(s => s?.GetValueKind() == JsonValueKind.String).Select(s => s!.GetValue<string>())]
            : [];
}
