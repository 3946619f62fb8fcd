using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth;

/// <summary>
/// With a feature switched off in the reference homeserver, the suite reports that feature's checks Inconclusive
/// (with the probed reason) and fails nothing: a missing optional feature is never a failure, and never a pass.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ServerConfigurationTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    public static IEnumerable<TestCaseData> Configurations()
    {
        yield return Configuration("guests off", ["--guests", "off"], [],
            inconclusive: ["GuestTests.Guest_registration_succeeds_without_UIA", "GuestTests.Whoami_with_a_guest_token_says_is_guest_true", "GuestTests.A_guest_upgraded_by_registration_keeps_its_user_ID"],
            passed: ["GuestTests.A_server_that_disallows_guests_answers_403", "GuestTests.A_server_that_disallows_guests_answers_M_FORBIDDEN", "GuestTests.Whoami_with_a_user_token_does_not_say_is_guest_true"]);
        yield return Configuration("refresh tokens off", ["--refresh-tokens", "off"], [],
            inconclusive: ["RefreshTokenTests.Refresh_returns_an_access_token_that_works", "RefreshTokenTests.Registration_with_refresh_token_true_returns_a_refresh_token", "RefreshTokenTests.An_expired_access_token_is_refused_with_M_UNKNOWN_TOKEN"],
            passed: ["UserRegistrationTests.Registration_with_inhibit_login_returns_no_refresh_token_or_expiry"]);
        yield return Configuration("login tokens off", ["--login-tokens", "off"], [],
            inconclusive: ["LoginTokenTests.A_login_token_works_only_once", "LoginTokenTests.The_capability_agrees_with_what_get_token_does_for_the_user"],
            passed: ["LoginTests.Get_login_lists_flows_each_with_a_type"]);
        yield return Configuration("registration disabled", ["--registration", "disabled"], [],
            inconclusive: ["UserRegistrationTests.Registration_without_device_id_returns_a_server_generated_device_id", "RegistrationUiaTests.Registration_without_auth_is_answered_401_with_flows_of_stages", "AvailabilityTests.A_taken_username_is_answered_M_USER_IN_USE"],
            passed: ["UserRegistrationTests.A_server_with_registration_disabled_answers_403", "RegistrationTokenTests.On_a_server_that_does_not_permit_registration_the_validity_check_answers_403", "TokenAndLogoutTests.An_authenticated_endpoint_answers_M_MISSING_TOKEN_without_a_token_and_M_UNKNOWN_TOKEN_with_an_unknown_one(no access token)"]);
        yield return Configuration("password login off, as on SSO-only servers", ["--variant", "password-login-off"], [],
            inconclusive: ["LoginTests.A_wrong_password_or_an_unknown_user_is_refused_with_M_FORBIDDEN(wrong password)", "TokenAndLogoutTests.Logout_deletes_the_device", "LoginTokenTests.A_login_token_works_only_once"],
            passed: ["LoginTokenTests.Get_token_without_auth_is_answered_with_a_UIA_challenge", "RefreshTokenTests.Refresh_returns_an_access_token_that_works", "LoginTests.Get_login_lists_flows_each_with_a_type"]);
        yield return Configuration("registration closed, refused before the body is read", ["--variant", "closed-registration-refuses-first"], [],
            inconclusive: ["MalformedBodyTests.A_body_that_is_not_a_JSON_object_is_refused_with_400(plain text)", "MalformedBodyTests.A_body_that_is_not_JSON_answers_M_NOT_JSON_and_JSON_that_is_not_an_object_M_BAD_JSON(plain text)", "UserRegistrationTests.A_kind_other_than_user_or_guest_makes_no_account_and_is_refused_400_or_403(\"admin\")"],
            passed: ["UserRegistrationTests.A_server_with_registration_disabled_answers_403", "RegistrationTokenTests.On_a_server_that_does_not_permit_registration_the_validity_check_answers_M_FORBIDDEN"]);
        yield return Configuration("registration by token only, token given", ["--registration", "token", "--registration-token", "verdict-truth-token"],
            [new("CONFORMANCE_REGISTRATION_TOKEN", "verdict-truth-token")],
            inconclusive: ["RegistrationUiaTests.Retrying_a_completed_session_gives_the_result_or_401_never_a_second_account"],
            passed: ["UserRegistrationTests.Registration_with_device_id_returns_that_device_id", "RegistrationTokenTests.The_registration_token_stage_completes_a_registration"]);
        yield return Configuration("no OAuth 2.0 API, as on most servers today", ["--oauth-api", "off"], [],
            inconclusive: ["ServerMetadataTests.The_supported_code_challenge_methods_include_S256", "ClientRegistrationTests.A_redirect_URI_with_a_fragment_is_refused",
                "AuthorizationTests.An_unsupported_code_challenge_method_is_refused_with_invalid_request", "TokenTests.Revoking_a_token_the_server_does_not_know_is_answered_200"],
            passed: ["ApiStandardsTests.Without_the_OAuth_API_auth_metadata_is_answered_404_M_UNRECOGNIZED"]);
        yield return Configuration("the OAuth 2.0 API beside legacy login, no support for OAuth 2.0 aware clients", ["--oauth-aware", "off"], [],
            inconclusive: ["OAuthAwareClientTests.A_server_preferring_its_SSO_flow_for_OAuth_aware_clients_offers_the_OAuth_API",
                "OAuthAwareClientTests.The_SSO_redirect_of_a_server_preferring_it_for_OAuth_aware_clients_takes_the_action(\"register\")"],
            passed: ["ServerMetadataTests.The_supported_code_challenge_methods_include_S256", "LoginTests.Get_login_lists_flows_each_with_a_type"]);
        yield return Configuration("the OAuth 2.0 API alone, no legacy login", ["--variant", "no-legacy-login"], [],
            inconclusive: ["LoginTests.Get_login_lists_flows_each_with_a_type", "ApiStandardsTests.Without_the_OAuth_API_auth_metadata_is_answered_404_M_UNRECOGNIZED",
                "OAuthAwareClientTests.A_server_preferring_its_SSO_flow_for_OAuth_aware_clients_offers_the_OAuth_API"],
            passed: ["ServerMetadataTests.The_supported_code_challenge_methods_include_S256", "AuthorizationTests.Where_prompt_create_is_advertised_an_authorization_request_with_it_is_taken",
                "TokenTests.An_authorization_code_the_server_never_issued_is_answered_400_invalid_grant",
                "ApiStandardsTests.Without_the_legacy_API_GET_login_is_answered_404_M_UNRECOGNIZED"]);
        yield return Configuration("registration by token only, no token given", ["--registration", "token", "--registration-token", "verdict-truth-token"], [],
            inconclusive: ["UserRegistrationTests.Registration_with_device_id_returns_that_device_id", "RegistrationTokenTests.The_configured_token_is_valid"],
            passed: ["RegistrationTokenTests.An_unknown_token_is_not_valid"]);
    }

    [TestCaseSource(nameof(Configurations))]
    public async Task A_feature_switched_off_makes_its_checks_inconclusive_and_fails_nothing(
        string[] flags, KeyValuePair<string, string>[] environment, string[] inconclusive, string[] passed)
    {
        using var server = await StandaloneServer.StartAsync(flags);

        var verdicts = (await SuiteProcess.RunAsync(server.BaseUrl, RunLimit, environment.ToDictionary())).Outcomes;

        verdicts.Where(v => v.Value == "Failed").Select(v => v.Key).Should().BeEmpty("a switched-off feature is not a failure");
        foreach (var name in inconclusive)
        {
            Outcome(verdicts, name).Should().Be("NotExecuted", $"{name} needs the switched-off feature");
        }

        foreach (var name in passed)
        {
            Outcome(verdicts, name).Should().Be("Passed", $"{name} does not depend on the switched-off feature");
        }
    }

    private static string? Outcome(IReadOnlyDictionary<string, string> verdicts, string name) =>
        verdicts.SingleOrDefault(v => v.Key.EndsWith("." + name, StringComparison.Ordinal)).Value;

    private static TestCaseData Configuration(
        string name, string[] flags, KeyValuePair<string, string>[] environment, string[] inconclusive, string[] passed) =>
        new TestCaseData(flags, environment, inconclusive, passed).SetArgDisplayNames(name);
}
