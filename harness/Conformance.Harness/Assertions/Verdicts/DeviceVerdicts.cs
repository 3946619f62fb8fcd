using System.Text.Json.Nodes;
using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Client;
using static Conformance.Harness.Assertions.Matching.ResponseMatchers;

namespace Conformance.Harness.Assertions.Verdicts;

/// <summary>What device management asks of an answer.</summary>
/// <remarks>https://spec.matrix.org/v1.19/client-server-api/#device-management</remarks>
public static class DeviceVerdicts
{
    /// <summary>A 200 GET /devices whose <c>devices</c>, each with a string <c>device_id</c>, include <paramref name="deviceId"/>.</summary>
    public static Matcher<MatrixResponse> Lists(string deviceId) =>
        Listing($"a \"devices\" list that includes {deviceId}", ids => ids.Contains(deviceId, StringComparer.Ordinal));

    /// <summary>A 200 GET /devices whose <c>devices</c>, each with a string <c>device_id</c>, are exactly <paramref name="deviceIds"/> in any order.</summary>
    public static Matcher<MatrixResponse> ListsExactly(params string[] deviceIds)
    {
        var wanted = deviceIds.Order(StringComparer.Ordinal).ToArray();
        return Listing($"a \"devices\" list of exactly [{string.Join(", ", wanted)}]", ids => ids.SequenceEqual(wanted, StringComparer.Ordinal));
    }

    private static Matcher<MatrixResponse> Listing(string expectation, Func<string[], bool> holds)
    {
        var devices = Field("devices");
        return Matchers.All(
                Status(200),
                devices.Every("device", JsonMatchers.Field("device_id").IsString()),
                new Matcher<MatrixResponse>(expectation, r => ListedIds(r) is { } listed && holds(listed) ? null : "it is not"))
            .Expecting(expectation + ", each with a string \"device_id\"", r => $"{Got(r)} with \"devices\" {devices.Describe(r)}");
    }

    private static string[]? ListedIds(MatrixResponse response) =>
        response.Body?["devices"] is JsonArray array
            ? [.. array.Select(d => (d as JsonObject)?["device_id"]?.ToString() ?? string.Empty).Order(StringComparer.Ordinal)]
            : null;
}
