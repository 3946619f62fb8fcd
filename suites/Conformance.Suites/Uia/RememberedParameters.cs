using System.Text.Json.Nodes;
using Conformance.Harness.Fakes;

namespace Conformance.Suites.Uia;

/// <summary>
/// Parameters sent only with the first request of a UIA session, and how to see that the completed registration
/// applied them (the cases SyTest checks: device_id, initial_device_display_name, inhibit_login).
/// </summary>
public static class RememberedParameters
{
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Named(new Parameter("device_id",
            (body, fake) => body["device_id"] = fake.DeviceId(),
            (completed, body, _) =>
            {
                completed.Should().HaveStatus(200).And.HaveStringField("device_id", body["device_id"]!.GetValue<string>());
                return Task.CompletedTask;
            }));
        yield return Named(new Parameter("initial_device_display_name",
            (body, fake) => body["initial_device_display_name"] = fake.DeviceDisplayName(),
            async (completed, body, client) =>
            {
                completed.Should().HaveStatus(200).And.HaveNonEmptyStringField("device_id");
                var device = await client.GetDeviceAsync(completed.StringField("access_token"), completed.StringField("device_id")!);
                device.Should().HaveStatus(200).And.HaveStringField("display_name", body["initial_device_display_name"]!.GetValue<string>());
            }));
        yield return Named(new Parameter("inhibit_login",
            (body, _) => body["inhibit_login"] = true,
            (completed, _, _) =>
            {
                completed.Should().HaveStatus(200).And.NotHaveField("access_token");
                return Task.CompletedTask;
            }));
    }

    private static TestCaseData Named(Parameter c) => new TestCaseData(c).SetArgDisplayNames(c.Name);

    /// <summary>One remembered parameter: how to set it on the first request, and how to check it took effect.</summary>
    public sealed record Parameter(string Name, Action<JsonObject, Fake> Apply, Func<MatrixResponse, JsonObject, MatrixClient, Task> VerifyAsync);
}
