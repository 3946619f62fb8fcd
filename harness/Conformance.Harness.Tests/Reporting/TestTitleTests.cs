using Conformance.Harness.Reporting;

namespace Conformance.Harness.Tests.Reporting;

/// <summary>A test's title reads as a sentence and keeps the Matrix names its method spells with underscores.</summary>
public sealed class TestTitleTests
{
    [TestCase("Guest_registration_ignores_username", "Guest registration ignores username")]
    [TestCase("A_taken_username_is_answered_M_USER_IN_USE", "A taken username is answered M_USER_IN_USE")]
    [TestCase("Body_that_is_not_valid_JSON_is_refused_with_M_NOT_JSON", "Body that is not valid JSON is refused with M_NOT_JSON")]
    [TestCase("A_username_in_an_appservice_exclusive_namespace_is_refused_M_EXCLUSIVE_before_UIA", "A username in an appservice exclusive namespace is refused M_EXCLUSIVE before UIA")]
    [TestCase("Without_legacy_login_an_appservice_registration_without_inhibit_login_is_refused_M_APPSERVICE_LOGIN_UNSUPPORTED",
        "Without legacy login an appservice registration without inhibit_login is refused M_APPSERVICE_LOGIN_UNSUPPORTED")]
    [TestCase("A_known_path_with_a_wrong_method_is_answered_405_M_UNRECOGNIZED", "A known path with a wrong method is answered 405 M_UNRECOGNIZED")]
    [TestCase("Password_login_by_localpart_answers_access_token_device_id_and_user_id", "Password login by localpart answers access_token device_id and user_id")]
    [TestCase("A_guest_upgraded_by_registration_keeps_its_user_ID", "A guest upgraded by registration keeps its user ID")]
    [TestCase("Guest_registration_honours_initial_device_display_name", "Guest registration honours initial_device_display_name")]
    [TestCase("Initial_device_display_name_becomes_the_display_name_of_the_new_device", "initial_device_display_name becomes the display name of the new device")]
    [TestCase("Get_token_answers_login_token_and_expires_in_ms", "get_token answers login_token and expires_in_ms")]
    [TestCase("An_expired_access_token_is_answered_with_soft_logout_true", "An expired access token is answered with soft_logout true")]
    [TestCase("Whoami_with_a_guest_token_says_is_guest_true", "Whoami with a guest token says is_guest true")]
    [TestCase("Login_with_refresh_token_true_returns_a_refresh_token", "Login with refresh_token true returns a refresh token")]
    [TestCase("JSON_responses_carry_Content_Type_application_json", "JSON responses carry Content-Type application/json")]
    [TestCase("A_rate_limited_answer_is_429_M_LIMIT_EXCEEDED_with_Retry_After", "A rate limited answer is 429 M_LIMIT_EXCEEDED with Retry-After")]
    [TestCase("Password_login_works_with_a_non_ASCII_password", "Password login works with a non-ASCII password")]
    [TestCase("OPTIONS_is_answered_without_running_the_endpoint", "OPTIONS is answered without running the endpoint")]
    [TestCase("Registration_without_auth_is_answered_401_with_flows_of_stages", "Registration without auth is answered 401 with flows of stages")]
    [TestCase("A_M_B", "A M B")]
    [TestCase("Ends_with_M", "Ends with M")]
    [TestCase("Plain", "Plain")]
    [TestCase("A_rotated_refresh_token_dies_once_the_new_access_token_is_used", "A rotated refresh token dies once the new access token is used")]
    [TestCase("Returned_access_token_belongs_to_the_returned_user_and_device", "Returned access token belongs to the returned user and device")]
    [TestCase("Registration_with_inhibit_login_returns_user_id_but_no_access_token_or_device", "Registration with inhibit_login returns user_id but no access_token or device")]
    [TestCase("Guest_registration_does_not_use_a_supplied_device_id", "Guest registration does not use a supplied device_id")]
    public void A_method_name_reads_as_a_sentence_with_its_Matrix_names_intact(string method, string sentence) =>
        TestTitle.Sentence(method).Should().Be(sentence);

    [TestCase("A_kind_other_than_user_or_guest_is_a_400(\"admin\")", "A kind other than user or guest is a 400 (\"admin\")")]
    [TestCase("Username_outside_the_grammar_is_mapped_to_a_valid_user_ID_or_refused_with_M_INVALID_USERNAME(U+005F _)",
        "Username outside the grammar is mapped to a valid user ID or refused with M_INVALID_USERNAME (U+005F _)")]
    [TestCase("Responses_carry_the_CORS_headers(an error (401))", "Responses carry the CORS headers (an error (401))")]
    [TestCase("Guest_registration_ignores_username", "Guest registration ignores username")]
    public void A_cases_arguments_follow_the_sentence_as_displayed(string displayName, string title) =>
        TestTitle.Of(displayName).Should().Be(title);

    [Test]
    public void Every_listed_name_is_a_lowercase_JSON_field_spelt_with_underscores()
    {
        TestTitle.MatrixNames.Should().OnlyHaveUniqueItems()
            .And.OnlyContain(n => n.Contains('_', StringComparison.Ordinal) && n.All(c => c == '_' || char.IsAsciiLetterLower(c)));
    }
}
