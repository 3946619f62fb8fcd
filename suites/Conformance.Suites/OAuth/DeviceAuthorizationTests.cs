namespace Conformance.Suites.OAuth;

/// <summary>
/// RFC 8628's device authorization grant, where the metadata advertises <c>device_authorization_endpoint</c>: judged
/// without a person, by what a client sees before anyone approves its code.
/// </summary>
public sealed class DeviceAuthorizationTests : ConformanceTest
{
    [Test, Requirement("OAUTH-DEVICE-RESPONSE", Quote = "REQUIRED. The device verification code.")]
    public async Task A_device_authorization_request_is_answered_with_the_device_and_user_codes_and_where_to_enter_them()
    {
        var response = await Client.OAuth.SharedDeviceAuthorizationAsync();

        response.Should().BeADeviceAuthorization();
    }

    [Test, Requirement("OAUTH-DEVICE-PENDING", Quote = "authorization_pending: The authorization request is still pending")]
    public async Task Polling_with_a_device_code_no_one_has_approved_is_answered_400_authorization_pending()
    {
        var client = await Client.OAuth.DeviceClientAsync();
        var deviceCode = await Client.OAuth.SharedDeviceCodeAsync();

        var response = await Client.OAuth.PostDeviceCodeAsync(client, deviceCode);

        response.Should().BeOAuthError(400, "authorization_pending", "slow_down");
    }

    [Test, Requirement("OAUTH-DEVICE-UNKNOWN", Quote = "invalid_grant:")]
    public async Task A_device_code_the_server_never_issued_is_answered_400_invalid_grant()
    {
        var client = await Client.OAuth.DeviceClientAsync();

        var response = await Client.OAuth.PostDeviceCodeAsync(client, Fake.UnissuedToken());

        response.Should().BeOAuthError(400, "invalid_grant");
    }
}
