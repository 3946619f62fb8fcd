using Conformance.Harness.Client;
using Conformance.Harness.Reproductions;

namespace Conformance.Harness.Tests.Reproductions;

/// <summary>The reproduction of exchanges recorded as the transport records them: secrets named, never written.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReproductionScriptTests
{
    private const string Server = "http://127.0.0.1:8008";
    private const string Nonce = "k3f9z2";
    private const string Password = "Pa$$w0rd-secret-value-1";
    private const string AccessToken = "syt_access_token_value";
    private const string RegistrationToken = "registration-token-value";
    private readonly SecretRedaction _redaction = new();
    private readonly ExchangeLogs _logs = new();

    [Test]
    public void A_secret_an_answer_handed_out_is_read_from_that_answer_and_no_value_is_written()
    {
        var test = Log(
            Exchange("POST", "/_matrix/client/v3/register", $$"""{"username":"ada-{{Nonce}}-1","password":"{{Password}}"}""",
                "HTTP 200 OK", $$"""{"user_id":"@ada-{{Nonce}}-1:localhost","access_token":"{{AccessToken}}","device_id":"ABCDEFGHIJ"}"""),
            Exchange("GET", "/_matrix/client/v3/account/whoami", string.Empty, "HTTP 200 OK", """{"user_id":"@someone:localhost"}""", AccessToken));

        var script = ReproductionScript.Of("Tests.Whoami", test, new Uri(Server), _logs, Nonce);

        script.Should().NotContain(Password).And.NotContain(AccessToken).And.NotContain(Nonce);
        script.Should().Contain("PASSWORD_1=$(fresh 23 ").And.Contain("ACCESS_TOKEN_1=$(field \"$answer\" 'access_token')")
            .And.Contain("-H 'Authorization: Bearer '\"$ACCESS_TOKEN_1\"").And.Contain("'{\"username\":\"ada-'\"$RUN\"'-1\",\"password\":\"'\"$PASSWORD_1\"'\"}'");
        script.Should().Contain($"HOMESERVER=\"${{HOMESERVER:-{Server}}}\"");
    }

    [Test]
    public void A_settings_secret_is_read_from_its_environment_variable()
    {
        _redaction.Declare(RegistrationToken, "CONFORMANCE_REGISTRATION_TOKEN");
        var test = Log(Exchange("POST", "/_matrix/client/v3/register",
            $$$"""{"auth":{"type":"m.login.registration_token","token":"{{{RegistrationToken}}}","session":"s1"}}""", "HTTP 401 Unauthorized", "{}"));

        var script = ReproductionScript.Of("Tests.Token", test, new Uri(Server), _logs, Nonce);

        script.Should().NotContain(RegistrationToken)
            .And.Contain(": \"${CONFORMANCE_REGISTRATION_TOKEN:?set CONFORMANCE_REGISTRATION_TOKEN")
            .And.Contain("\"token\":\"'\"$CONFORMANCE_REGISTRATION_TOKEN\"'\"");
    }

    [Test]
    public void A_session_the_server_chose_is_read_from_its_answer_for_the_request_that_sends_it_back()
    {
        var test = Log(
            Exchange("POST", "/_matrix/client/v3/register", """{"username":"x"}""", "HTTP 401 Unauthorized", """{"session":"srv-session-1"}"""),
            Exchange("POST", "/_matrix/client/v3/register", """{"username":"x","auth":{"type":"m.login.dummy","session":"srv-session-1"}}""", "HTTP 200 OK", "{}"));

        var script = ReproductionScript.Of("Tests.Session", test, new Uri(Server), _logs, Nonce);

        script.Should().Contain("SESSION_1=$(field \"$answer\" 'session')").And.Contain("\"session\":\"'\"$SESSION_1\"'\"").And.NotContain("srv-session-1");
    }

    [Test]
    public void A_test_using_the_shared_account_starts_with_the_shared_accounts_registration()
    {
        Log(
            Exchange("POST", "/_matrix/client/v3/register", $$"""{"username":"ada-{{Nonce}}-1","password":"{{Password}}"}""", "HTTP 401 Unauthorized", """{"session":"s-1"}"""),
            Exchange("POST", "/_matrix/client/v3/register", $$$"""{"username":"ada-{{{Nonce}}}-1","password":"{{{Password}}}","auth":{"type":"m.login.dummy","session":"s-1"}}""",
                "HTTP 200 OK", $$"""{"access_token":"{{AccessToken}}"}"""));
        var test = Log(Exchange("POST", "/_matrix/client/v3/login",
            $$$"""{"type":"m.login.password","identifier":{"type":"m.id.user","user":"ada-{{{Nonce}}}-1"},"password":"{{{Password}}}"}""", "HTTP 403 Forbidden", """{"errcode":"M_FORBIDDEN"}"""));

        var script = ReproductionScript.Of("Tests.Login", test, new Uri(Server), _logs, Nonce);

        script.Should().Contain("step '1 of 3: POST /_matrix/client/v3/register' 'HTTP 401 Unauthorized'")
            .And.Contain("step '2 of 3: POST /_matrix/client/v3/register' 'HTTP 200 OK'")
            .And.Contain("step '3 of 3: POST /_matrix/client/v3/login' 'HTTP 403 Forbidden M_FORBIDDEN'");
        script.Should().NotContain(Password).And.NotContain(AccessToken);
    }

    /// <summary>An exchange recorded as the transport records one: redacted, its secrets named.</summary>
    private Exchange Exchange(string method, string path, string body, string status, string answer, string? accessToken = null)
    {
        var requestSecrets = new List<SecretName>();
        var headers = new Dictionary<string, string>();
        if (accessToken is not null)
        {
            headers["Authorization"] = _redaction.RedactHeader("Authorization", "Bearer " + accessToken, requestSecrets);
        }

        if (body.Length > 0)
        {
            headers["Content-Type"] = "application/json";
        }

        var request = new RecordedMessage($"{method} {Server}{path}", headers, _redaction.RedactBody(body, requestSecrets)) { Secrets = requestSecrets };
        var responseSecrets = new List<SecretName>();
        var response = new RecordedMessage(status, new Dictionary<string, string>(), _redaction.RedactBody(answer, responseSecrets)) { Secrets = responseSecrets };
        return new Exchange(request, response, DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(1), null);
    }

    private IReadOnlyCollection<Exchange> Log(params Exchange[] exchanges)
    {
        var log = new ExchangeLog();
        foreach (var exchange in exchanges)
        {
            log.Add(exchange);
        }

        _logs.Note(log);
        return log.Exchanges;
    }
}
