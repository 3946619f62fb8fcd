using Conformance.Harness.Client;

namespace Conformance.Harness.Tests.Client;

public sealed class SecretRedactionTests
{
    private readonly SecretRedaction _redaction = new();

    [Test]
    public void Redacts_secret_fields_at_any_depth_and_keeps_the_rest()
    {
        var redacted = _redaction.RedactBody("""{"user":"a","auth":{"password":"p1","session":"s"},"list":[{"login_token":"t"}]}""");

        redacted.Should().Be("""{"user":"a","auth":{"password":"<redacted>","session":"s"},"list":[{"login_token":"<redacted>"}]}""");
    }

    [Test]
    public void Leaves_text_that_is_not_JSON_alone() =>
        _redaction.RedactBody("<html>oops</html>").Should().Be("<html>oops</html>");

    [Test]
    public void Keeps_the_scheme_of_a_bearer_header() =>
        _redaction.RedactHeader("Authorization", "Bearer abc").Should().Be("Bearer <redacted>");

    [Test]
    public void Redacts_every_copy_of_a_repeated_secret_key() =>
        _redaction.RedactBody("""{"access_token":"one","user_id":"@a:b","access_token":"two"}""")
            .Should().Be("""{"access_token":"<redacted>","user_id":"@a:b","access_token":"<redacted>"}""");

    [Test]
    public void Replaces_a_body_it_cannot_parse_when_it_names_a_secret_field() =>
        _redaction.RedactBody("""{"access_token":"abc",""").Should().StartWith("<redacted>").And.NotContain("abc");

    [Test]
    public void Leaves_flags_named_like_secrets_alone()
    {
        const string body = """{"refresh_token":true,"inhibit_login":false}""";

        var redaction = new SecretRedaction();

        redaction.RedactBody(body).Should().Be(body);
        redaction.RedactedValues.Should().BeEmpty();
    }
}
