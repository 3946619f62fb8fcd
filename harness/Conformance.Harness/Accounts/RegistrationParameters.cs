using System.Text.Json.Nodes;

namespace Conformance.Harness.Accounts;

/// <summary>The body parameters of a POST /register, as a test wants them; null leaves a field out.</summary>
public sealed record RegistrationParameters
{
    /// <summary>The requested username (localpart), or null to let the server generate one.</summary>
    public string? Username { get; init; }

    /// <summary>The password.</summary>
    public string? Password { get; init; }

    /// <summary>The device ID to use.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The display name of the new device.</summary>
    public string? InitialDeviceDisplayName { get; init; }

    /// <summary>Whether to skip logging in.</summary>
    public bool? InhibitLogin { get; init; }

    /// <summary>Whether the client supports refresh tokens.</summary>
    public bool? RefreshToken { get; init; }

    /// <summary>A guest's access token, to upgrade that guest to a full account.</summary>
    public string? GuestAccessToken { get; init; }

    /// <summary>The JSON body these parameters make.</summary>
    public JsonObject ToJson()
    {
        var body = new JsonObject();
        Add(body, "username", Username);
        Add(body, "password", Password);
        Add(body, "device_id", DeviceId);
        Add(body, "initial_device_display_name", InitialDeviceDisplayName);
        Add(body, "guest_access_token", GuestAccessToken);
        if (InhibitLogin is { } inhibit)
        {
            body["inhibit_login"] = inhibit;
        }

        if (RefreshToken is { } refresh)
        {
            body["refresh_token"] = refresh;
        }

        return body;
    }

    private static void Add(JsonObject body, string name, string? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }
}
