using System.Text.Json.Nodes;
using Conformance.Harness.Client;
using NUnit.Framework;

namespace Conformance.Harness.Uia;

/// <summary>
/// Drives a request through user-interactive authentication: sends it without <c>auth</c>, reads the flows the server
/// offers, picks the first one whose every stage the harness can complete, and completes it stage by stage.
/// It never assumes a flow the server did not offer.
/// </summary>
public sealed class UiaDriver(IReadOnlyList<IUiaStage> stages)
{
    /// <summary>The stage types this driver can complete.</summary>
    public IEnumerable<string> StageTypes => stages.Select(s => s.Type);

    /// <summary>
    /// Sends <paramref name="body"/> and completes UIA. Returns the first answer that is not a UIA challenge, or the
    /// challenge that refused a stage.
    /// </summary>
    /// <exception cref="InconclusiveException">No offered flow is one the harness can complete.</exception>
    /// <param name="body">The request body, without <c>auth</c>.</param>
    /// <param name="send">Sends one body and returns the answer.</param>
    /// <param name="throughStage">A stage the chosen flow must contain (to check that stage), or null for any flow.</param>
    /// <param name="complete">Sends the body that completes the flow's last stage in place of <paramref name="send"/>, when given.</param>
    public async Task<MatrixResponse> RunAsync(
        JsonObject body, Func<JsonObject, Task<MatrixResponse>> send, string? throughStage = null, Func<JsonObject, Task<MatrixResponse>>? complete = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(send);
        var response = await send(body);
        var challenge = UiaChallenge.From(response);
        if (challenge is null)
        {
            return response;
        }

        var flow = challenge.Flows.FirstOrDefault(f => f.Count > 0 && f.All(CanComplete) && (throughStage is null || f.Contains(throughStage)))
            ?? throw Probes.NotJudgedReasons.NoCompletableUiaFlow.Exception(
                $"The server offers the UIA flows {(challenge.Flows.Count == 0 ? "[] (none)" : challenge.DescribeFlows())}; the harness can complete only flows made of "
                + $"{string.Join(", ", StageTypes)}"
                + (throughStage is null ? string.Empty : $", and this check needs one that contains {throughStage}")
                + " (set CONFORMANCE_REGISTRATION_TOKEN to complete m.login.registration_token).\n"
                + response.Exchange.Describe());

        var remaining = flow.Where(t => !challenge.Completed.Contains(t)).ToList();
        for (var i = 0; i < remaining.Count; i++)
        {
            var type = remaining[i];
            var next = body.DeepClone().AsObject();
            next["auth"] = stages.First(s => s.Type == type).Auth(challenge.Session);
            response = await (i == remaining.Count - 1 && complete is not null ? complete : send)(next);
            var after = UiaChallenge.From(response);
            if (after is null || !after.Completed.Contains(type))
            {
                return response;
            }

            challenge = after;
        }

        return response;
    }

    /// <summary>The stage this driver completes for <paramref name="type"/>, or null.</summary>
    public IUiaStage? StageFor(string type) => stages.FirstOrDefault(s => s.Type == type);

    private bool CanComplete(string type) => stages.Any(s => s.Type == type);
}
