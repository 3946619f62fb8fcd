using Conformance.Harness.Client;

namespace Conformance.Harness.Tests.Client;

public sealed class SecretRedactionTests
{
    [Test]
    public void Redacts_secret_fields_at_any_depth_and_keeps_the_rest()
    {
        var redacted = SecretRedaction.RedactBody("""{"user":"a","auth":{"password":"p1","session":"s"},"list":[{"login_token":"t"}]}""");

        redacted.Should().Be("""{"user":"a","auth":{"password":"<redacted>","session":"s"},"list":[{"login_token":"<redacted>"}]}""");
    }

    [Test]
    public void Leaves_text_that_is_not_JSON_alone() =>
        SecretRedaction.RedactBody("<html>oops</html>").Should().Be("<html>oops</html>");

    [Test]
    public void Keeps_the_scheme_of_a_bearer_header() =>
        SecretRedaction.RedactHeader("Authorization", "Bearer abc").Should().Be("Bearer <redacted>");

    [Test]
    public void A_secret_field_that_is_not_a_string_stays_readable()
    {
        const string body = """{"refresh_token":true,"inhibit_login":false}""";

        SecretRedaction.RedactBody(body).Should().Be(body);
        SecretRedaction.RedactedValues.Should().NotContain("true");
    }
}
