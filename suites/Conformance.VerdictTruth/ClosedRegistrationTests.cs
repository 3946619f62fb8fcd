using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth;

/// <summary>
/// A production server keeps registration and guests closed: given an account, or an application service that makes
/// users, the suite still judges most of what it covers, fails nothing on a correct server, and leaves the given
/// account as it found it.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed partial class ClosedRegistrationTests
{
    private const int JudgedAtLeast = 100;
    private const string Localpart = "given_owner";
    private const string Password = "Given account's password, ünïcode too";
    private const string AppServiceToken = "closed-registration-as-token";
    private const string AppServicePrefix = "closed_as_";
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    public static IEnumerable<TestCaseData> Sources()
    {
        yield return new TestCaseData(new Dictionary<string, string>
        {
            ["CONFORMANCE_ACCOUNT_USER"] = Localpart,
            ["CONFORMANCE_ACCOUNT_PASSWORD"] = Password,
        }).SetArgDisplayNames("an account given");
        yield return new TestCaseData(new Dictionary<string, string>
        {
            ["CONFORMANCE_APPSERVICE_TOKEN"] = AppServiceToken,
            ["CONFORMANCE_EXCLUSIVE_USERNAME_PREFIX"] = AppServicePrefix,
        }).SetArgDisplayNames("an application service given");
    }

    [TestCaseSource(nameof(Sources))]
    public async Task With_registration_and_guests_closed_a_run_judges_at_least_100_tests_fails_none_and_leaves_the_account_as_it_was(Dictionary<string, string> given)
    {
        using var server = await StandaloneServer.StartAsync(
            "--registration", "closed", "--guests", "off", "--account", $"{Localpart}={Password}", "--appservice", $"{AppServiceToken}={AppServicePrefix}");
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        // The owner's own sessions, on two devices, before the run.
        var phone = await LogInAsync(http, "owner's phone");
        var laptop = await LogInAsync(http, "owner's laptop");
        var before = await DevicesAsync(http, phone);

        var run = await SuiteProcess.RunAsync(server.BaseUrl, RunLimit, given, secrets: [Password, AppServiceToken]);

        var closing = ClosingLine().Match(run.Summary);
        closing.Success.Should().BeTrue($"the summary opens with how much was judged:\n{run.Summary}");
        TestContext.Out.WriteLine(closing.Value);
        run.Outcomes.Where(o => o.Value == "Failed").Select(o => o.Key).Should().BeEmpty("a correct server with registration closed fails nothing");
        int.Parse(closing.Groups["judged"].Value, CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(JudgedAtLeast, closing.Value);
        run.Leaks.Should().BeEmpty("the password and the appservice token are secrets");
        (await DevicesAsync(http, phone)).Should().BeEquivalentTo(before, "the suite removes the sessions it made on the given account, and only those");
        (await WhoAmIAsync(http, laptop)).Should().Be(200, "the owner's other sessions are left alive");
        (await LogInAsync(http, "owner's tablet")).Should().NotBeNullOrEmpty("the password is left as it was");
    }

    private static async Task<string> LogInAsync(HttpClient http, string deviceName)
    {
        var login = await http.PostAsJsonAsync("/_matrix/client/v3/login", new JsonObject
        {
            ["type"] = "m.login.password",
            ["identifier"] = new JsonObject { ["type"] = "m.id.user", ["user"] = Localpart },
            ["password"] = Password,
            ["initial_device_display_name"] = deviceName,
        });
        login.EnsureSuccessStatusCode();
        return (string)(await login.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
    }

    private static async Task<List<string>> DevicesAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_matrix/client/v3/devices") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var devices = (await response.Content.ReadFromJsonAsync<JsonObject>())!["devices"]!.AsArray();
        return [.. devices.Select(d => $"{(string)d!["device_id"]!} {(string?)d["display_name"]}").Order(StringComparer.Ordinal)];
    }

    private static async Task<int> WhoAmIAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_matrix/client/v3/account/whoami") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    [GeneratedRegex(@"Judged (?<judged>\d+) of (?<total>\d+) tests[^\n]*")]
    private static partial Regex ClosingLine();
}
