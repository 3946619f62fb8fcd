using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conformance.Harness.Client;

namespace Conformance.Harness.Accounts;

/// <summary>
/// The devices the suite's own logins made, so that at the end of a run it can remove those it made on a given
/// account and nothing else: the account's other devices, and its password, stay exactly as they were.
/// </summary>
public sealed class GivenAccountSessions
{
    private readonly ConcurrentDictionary<(string UserId, string DeviceId), byte> _made = new();

    /// <summary>Notes the device a login answer opened a session on, if it did.</summary>
    public void Note(MatrixResponse login)
    {
        ArgumentNullException.ThrowIfNull(login);
        if (login.StatusCode == 200 && login.StringField("user_id") is { } userId && login.StringField("device_id") is { } deviceId)
        {
            _made.TryAdd((userId, deviceId), 0);
        }
    }

    /// <summary>The devices the suite's logins opened for <paramref name="userId"/>.</summary>
    public IReadOnlySet<string> MadeFor(string userId) => _made.Keys.Where(k => k.UserId == userId).Select(k => k.DeviceId).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Removes the devices the suite made on <paramref name="account"/> that are still there, through one device
    /// deletion with the account's password, the session <paramref name="account"/> holds among them (it is one of the
    /// suite's own). Returns what it did, for the run's closing lines; a server that refuses is reported, not judged.
    /// </summary>
    public async Task<string> EndAsync(MatrixClient client, RegisteredAccount account)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(account);
        var made = MadeFor(account.UserId.Value);
        var listed = await client.GetDevicesAsync(account.AccessToken);
        if (listed.StatusCode != 200)
        {
            return $"Given account {account.UserId}: could not list its devices to remove the suite's {made.Count} (GET /devices answered {listed.Summary}); remove them by hand.";
        }

        var present = (listed.Body?["devices"] as JsonArray ?? [])
            .Select(d => d?["device_id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)d["device_id"] : null)
            .OfType<string>()
            .ToList();
        var ours = present.Where(made.Contains).ToArray();

        if (ours.Length == 0)
        {
            return $"Given account {account.UserId}: none of the {made.Count} devices the suite's logins made is left; its {present.Count} other devices are untouched.";
        }

        var deleted = await client.DeleteDevicesThroughUiaAsync(account, ours);
        return deleted.StatusCode == 200
            ? $"Given account {account.UserId}: removed the {ours.Length} devices the suite's logins made that were left ({string.Join(", ", ours)}); its {present.Count - ours.Length} other devices are untouched."
            : $"Given account {account.UserId}: removing the suite's {ours.Length} devices ({string.Join(", ", ours)}) was answered {deleted.Summary}; remove them by hand.";
    }
}
