using Conformance.Hostile.Hosting;
using Conformance.Hostile.Modes;

namespace Conformance.VerdictTruth.Hostile;

/// <summary>Every hostile case the suite is aimed at, with what it must say about each.</summary>
public static class HostileCases
{
    // Verdicts decided by the healthy /versions alone (its CORS headers and Content-Type, a rule newer than the
    // versions it advertises).
    private static readonly string[] DecidedByVersions =
    [
        "ApiStandardsTests.JSON_responses_carry_Content_Type_application_json(GET /versions)",
        "ApiStandardsTests.Responses_carry_the_CORS_headers(GET /versions)",
        "AppServiceRegistrationTests.Without_legacy_login_an_appservice_registration_without_inhibit_login_is_refused_M_APPSERVICE_LOGIN_UNSUPPORTED",
        "ApiStandardsTests.Without_the_OAuth_API_auth_metadata_is_answered_404_M_UNRECOGNIZED",
        "AppServiceRegistrationTests.Without_legacy_login_an_appservice_still_registers_a_user_in_its_namespace_with_inhibit_login",
        "AppServiceDeviceTests.Appservice_PUT_of_a_new_device_for_its_user_creates_it_and_answers_201",
        // The OAuth 2.0 API came with v1.15.
        "ServerMetadataTests.An_advertised_account_management_URI_is_a_URL",
        "AuthorizationTests.An_unregistered_redirect_URI_is_never_redirected_to_even_with_an_error",
        "AuthorizationTests.A_registered_loopback_redirect_URI_is_taken_on_any_port",
        "AuthorizationTests.An_unsupported_code_challenge_method_is_refused_with_invalid_request",
        "AuthorizationTests.Where_prompt_create_is_advertised_an_authorization_request_with_it_is_taken",
        "ClientRegistrationTests.A_client_registration_is_answered_201_with_the_client_id_and_the_registered_redirect_URI",
        "ClientRegistrationTests.A_web_client_registration_on_a_subdomain_of_its_client_URI_is_answered_201_with_the_client_id_and_the_redirect_URI",
        "ClientRegistrationTests.Response_and_grant_types_the_server_does_not_understand_are_ignored_not_refused",
        "ClientRegistrationTests.A_redirect_URI_with_a_fragment_is_refused",
        "ClientRegistrationTests.A_web_clients_redirect_URI_over_http_is_refused",
        "ClientRegistrationTests.A_web_clients_redirect_URI_with_a_user_in_its_authority_is_refused",
        "ClientRegistrationTests.A_web_clients_redirect_URI_off_the_client_URIs_host_is_refused",
        "ClientRegistrationTests.A_native_clients_private_use_scheme_not_in_reverse_DNS_notation_of_the_client_URI_is_refused",
        "ClientRegistrationTests.A_native_clients_private_use_scheme_URI_with_an_authority_is_refused",
        "ClientRegistrationTests.A_native_clients_loopback_redirect_URI_with_a_port_is_refused",
        "ServerMetadataTests.The_metadata_has_the_endpoint_URLs_and_the_supported_values_the_schema_requires",
        "ServerMetadataTests.The_issuer_is_an_https_URL_without_query_or_fragment",
        "ServerMetadataTests.The_supported_response_types_include_code",
        "ServerMetadataTests.The_supported_grant_types_include_authorization_code_and_refresh_token",
        "ServerMetadataTests.The_supported_response_modes_include_query_and_fragment",
        "ServerMetadataTests.The_supported_code_challenge_methods_include_S256",
        "TokenTests.An_authorization_code_the_server_never_issued_is_answered_400_invalid_grant",
        "TokenTests.A_refresh_token_the_server_does_not_know_is_answered_400_invalid_grant",
        "TokenTests.Revoking_a_token_the_server_does_not_know_is_answered_200",
        "ApiStandardsTests.Without_the_legacy_API_GET_login_is_answered_404_M_UNRECOGNIZED",
        "DeviceAuthorizationTests.A_device_authorization_request_is_answered_with_the_device_and_user_codes_and_where_to_enter_them",
        "DeviceAuthorizationTests.Polling_with_a_device_code_no_one_has_approved_is_answered_400_authorization_pending",
        "DeviceAuthorizationTests.A_device_code_the_server_never_issued_is_answered_400_invalid_grant",
        // OAuth 2.0 aware clients came with v1.18.
        "OAuthAwareClientTests.A_server_preferring_its_SSO_flow_for_OAuth_aware_clients_offers_the_OAuth_API",
        "OAuthAwareClientTests.The_SSO_redirect_of_a_server_preferring_it_for_OAuth_aware_clients_takes_the_action(\"login\")",
        "OAuthAwareClientTests.The_SSO_redirect_of_a_server_preferring_it_for_OAuth_aware_clients_takes_the_action(\"register\")",
        "OAuthAwareClientTests.A_server_preferring_its_SSO_flow_for_OAuth_aware_clients_advertises_an_account_management_URL",
    ];

    // The 403 rules apply only to servers that refuse; a 200 to a registration, whatever its body, is not a refusal,
    // so these are Inconclusive by the status alone.
    private static readonly string[] DecidedByStatus =
    [
        "GuestTests.A_server_that_disallows_guests_answers_403",
        "GuestTests.A_server_that_disallows_guests_answers_M_FORBIDDEN",
        "UserRegistrationTests.A_server_with_registration_disabled_answers_403",
        "UserRegistrationTests.A_server_with_registration_disabled_answers_M_FORBIDDEN",
        "RegistrationTokenTests.On_a_server_that_does_not_permit_registration_the_validity_check_answers_403",
        "RegistrationTokenTests.On_a_server_that_does_not_permit_registration_the_validity_check_answers_M_FORBIDDEN",
    ];

    // Header-only checks: a body that cannot be read does not touch a Content-Type that is right.
    private static readonly string[] ContentTypeChecks =
    [
        "ApiStandardsTests.JSON_responses_carry_Content_Type_application_json(GET /login)",
        "ApiStandardsTests.JSON_responses_carry_Content_Type_application_json(POST /register without auth (401))",
        "ApiStandardsTests.JSON_responses_carry_Content_Type_application_json(GET /account/whoami without a token (401))",
    ];

    // What every verdict against each mode must say, and the tests the mode does not touch when /versions is spared.
    private static readonly (HostileMode Mode, string Phrase, string[] Untouched)[] Modes =
    [
        (HostileMode.NeverAnswers, "no response within 5 s", []),
        (HostileMode.OneBytePerSecond, "the response body did not finish within 5 s (", []),
        (HostileMode.CloseMidResponse, "Connection reset by peer", []),
        (HostileMode.Html200, "the body is not JSON (Content-Type text/html, not application/json)", DecidedByStatus),
        (HostileMode.TextPlain, "the body is not JSON (Content-Type text/plain, not application/json)", DecidedByStatus),
        (HostileMode.InvalidUtf8, "the body is not valid UTF-8", [.. DecidedByStatus, .. ContentTypeChecks]),
        (HostileMode.DeepJson, "the body nests deeper than 64 levels", [.. DecidedByStatus, .. ContentTypeChecks]),
        (HostileMode.HugeBody, "the body was cut at 4 MiB of 200000000 bytes", [.. DecidedByStatus, .. ContentTypeChecks]),
        (HostileMode.DuplicateKeys, "the body repeats the key \"user_id\"", [.. DecidedByStatus, .. ContentTypeChecks]),
        (HostileMode.Error500, "HTTP 500 with errcode M_UNKNOWN",
        [
            .. ContentTypeChecks,
            // A 500 with M_UNKNOWN is a well-formed error body; the server sends no CORS headers in any mode.
            "ApiStandardsTests.Error_bodies_are_objects_with_string_errcode_and_error(no access token)",
            "ApiStandardsTests.Error_bodies_are_objects_with_string_errcode_and_error(unknown access token)",
            "ApiStandardsTests.Error_bodies_are_objects_with_string_errcode_and_error(username too long)",
            "ApiStandardsTests.Error_bodies_are_objects_with_string_errcode_and_error(unknown kind at register)",
            "ApiStandardsTests.Error_bodies_are_objects_with_string_errcode_and_error(unknown endpoint)",
            "MalformedBodyTests.The_refusal_of_a_body_that_is_not_JSON_is_an_object_with_string_errcode_and_error",
            "ApiStandardsTests.Responses_carry_the_CORS_headers(an error (401))",
            "ApiStandardsTests.Responses_carry_the_CORS_headers(OPTIONS /register)",
        ]),
        (HostileMode.RedirectOtherOrigin, "the server redirected to http://127.0.0.1:", []),
        (HostileMode.RedirectLoop, "the server redirected to http://127.0.0.1:", []),
        // Its answer is the rate-limit answer that check wants to see.
        (HostileMode.RetryAfterOneDay, "asked to wait 86400 s", ["ApiStandardsTests.A_rate_limited_answer_is_429_M_LIMIT_EXCEEDED_with_Retry_After"]),
    ];

    /// <summary>Every case: each mode behind a working /versions, and each mode on /versions too.</summary>
    public static IReadOnlyList<HostileCase> All { get; } =
    [
        .. Modes.Select(m => new HostileCase(HostileModes.Name(m.Mode), m.Mode, new HostileOptions(), m.Phrase, [.. DecidedByVersions, .. m.Untouched])),
        .. Modes.Select(m => new HostileCase(
            HostileModes.Name(m.Mode) + " on /versions too", m.Mode, new HostileOptions { SpareVersions = false }, m.Phrase, [])),
    ];
}
