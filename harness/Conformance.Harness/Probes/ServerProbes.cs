using Conformance.Harness.Accounts;
using Conformance.Harness.Client;
using Conformance.Harness.Fakes;

namespace Conformance.Harness.Probes;

/// <summary>
/// What the server offers, found by asking it once per run and shared by every test, so "not applicable" is a
/// finding about this server, never a guess.
/// </summary>
public sealed class ServerProbes(MatrixTransport transport, Fake fake)
{
    private readonly Lazy<Task<string?>> _registrationClosed = new(() => ProbeRegistrationAsync(transport, fake));

    /// <summary>Why registration is closed on this server, or null when it is open.</summary>
    /// <remarks>
    /// A fresh, valid username sent without <c>auth</c> is answered 401 (UIA) by an open server and 403 by a closed
    /// one (https://spec.matrix.org/v1.19/client-server-api/#post_matrixclientv3register).
    /// </remarks>
    public Task<string?> RegistrationClosedReasonAsync() => _registrationClosed.Value;

    private static async Task<string?> ProbeRegistrationAsync(MatrixTransport transport, Fake fake)
    {
        var body = new RegistrationParameters { Username = fake.Localpart(), Password = fake.Password() }.ToJson();
        var response = await transport.SendAsync(MatrixRequest.Json(HttpMethod.Post, "/_matrix/client/v3/register", body), new ExchangeLog());
        return response.StatusCode == 403
            ? "Registration is disabled on this server: a fresh, valid username without auth was answered 403.\n" + response.Exchange.Describe()
            : null;
    }
}
