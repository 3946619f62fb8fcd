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
    ];

    // The 403 rules apply only to servers that refuse; a 200 to a registration, whatever its body, is not a refusal,
    // so these are Inconclusive by the status alone.
    private static readonly string[] DecidedByStatus =
    [
        "GuestTests.A_server_that_disallows_guests_answers_403_M_FORBIDDEN",
        "UserRegistrationTests.A_server_with_registration_disabled_answers_403_M_FORBIDDEN",
    ];

    // Header-only checks: a body that cannot be read does not touch a Content-Type that is right.
    private static readonly string[] ContentTypeChecks =
    [
        "ApiStandardsTests.JSON_responses_carry_Content_Type_application_json(GET /login)",
        "ApiStandardsTests.JSON_responses_carry_Content_Type_application_json(POST /register without auth (401))",
        "ApiStandardsTests.JSON_responses_carry_Content_Type_application_json(GET /account/whoami without a token (401))",
    ];

    /// <summary>Every case: each mode behind a working /versions, and three with /versions broken too.</summary>
    public static IReadOnlyList<HostileCase> All { get; } =
    [
        Spared(HostileMode.NeverAnswers, "no response within 5 s"),
        Spared(HostileMode.OneBytePerSecond, "the response body did not finish ("),
        Spared(HostileMode.CloseMidResponse, "Connection reset by peer"),
        Spared(HostileMode.Html200, "the body is not JSON (Content-Type text/html, not application/json)", DecidedByStatus),
        Spared(HostileMode.TextPlain, "the body is not JSON (Content-Type text/plain, not application/json)", DecidedByStatus),
        Spared(HostileMode.InvalidUtf8, "the body is not valid UTF-8", [.. DecidedByStatus, .. ContentTypeChecks]),
        Spared(HostileMode.DeepJson, "the body nests deeper than 64 levels", [.. DecidedByStatus, .. ContentTypeChecks]),
        Spared(HostileMode.HugeBody, "the body was cut at 4 MiB of 200000000 bytes", [.. DecidedByStatus, .. ContentTypeChecks]),
        Spared(HostileMode.DuplicateKeys, "the body repeats the key \"user_id\"", [.. DecidedByStatus, .. ContentTypeChecks]),
        Spared(HostileMode.Error500, "HTTP 500 with errcode M_UNKNOWN",
        [
            .. ContentTypeChecks,
            // A 500 with M_UNKNOWN is a well-formed error body; the server sends no CORS headers in any mode.
            "ApiStandardsTests.Error_bodies_are_objects_with_string_errcode_and_error(no access token)",
            "ApiStandardsTests.Error_bodies_are_objects_with_string_errcode_and_error(unknown access token)",
            "ApiStandardsTests.Error_bodies_are_objects_with_string_errcode_and_error(username too long)",
            "ApiStandardsTests.Error_bodies_are_objects_with_string_errcode_and_error(unknown user at login)",
            "ApiStandardsTests.Error_bodies_are_objects_with_string_errcode_and_error(unknown endpoint)",
            "ApiStandardsTests.Error_bodies_are_objects_with_string_errcode_and_error(body not JSON)",
            "ApiStandardsTests.Responses_carry_the_CORS_headers(an error (401))",
            "ApiStandardsTests.Responses_carry_the_CORS_headers(OPTIONS /register)",
        ]),
        Spared(HostileMode.RedirectOtherOrigin, "the server redirected to http://127.0.0.1:"),
        Spared(HostileMode.RedirectLoop, "the server redirected to http://127.0.0.1:"),
        // Its answer is the rate-limit answer that check wants to see.
        Spared(HostileMode.RetryAfterOneDay, "asked to wait 86400 s", ["ApiStandardsTests.A_rate_limited_answer_is_429_M_LIMIT_EXCEEDED_with_Retry_After"]),
        VersionsToo(HostileMode.NeverAnswers, "no response within 5 s"),
        VersionsToo(HostileMode.Error500, "HTTP 500 with errcode M_UNKNOWN"),
        VersionsToo(HostileMode.RetryAfterOneDay, "asked to wait 86400 s"),
    ];

    private static HostileCase VersionsToo(HostileMode mode, string phrase) =>
        new(HostileModes.Name(mode) + " on /versions too", mode, new HostileOptions { SpareVersions = false }, phrase, []);

    private static HostileCase Spared(HostileMode mode, string phrase, params string[] untouched) =>
        new(HostileModes.Name(mode), mode, new HostileOptions(), phrase, [.. DecidedByVersions, .. untouched]);
}
