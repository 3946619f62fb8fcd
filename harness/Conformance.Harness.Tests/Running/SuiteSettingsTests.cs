using Conformance.Harness.Running;

namespace Conformance.Harness.Tests.Running;

/// <summary>The given account's two settings name one account: both, or neither.</summary>
public sealed class SuiteSettingsTests
{
    [Test]
    public void An_account_user_and_password_make_the_given_account()
    {
        var settings = Read(new() { ["CONFORMANCE_ACCOUNT_USER"] = "@owner:example.org", ["CONFORMANCE_ACCOUNT_PASSWORD"] = "secret" });

        settings.GivenAccount.Should().Be(new GivenAccount("@owner:example.org", "secret"));
    }

    [TestCase("CONFORMANCE_ACCOUNT_USER", TestName = "A user without a password is refused at start")]
    [TestCase("CONFORMANCE_ACCOUNT_PASSWORD", TestName = "A password without a user is refused at start")]
    public void Half_an_account_is_refused(string variable)
    {
        var read = () => Read(new() { [variable] = "value" });

        read.Should().Throw<ArgumentException>().WithMessage("*give both or neither*");
    }

    [Test]
    public void The_given_account_prints_without_its_password()
    {
        new GivenAccount("owner", "secret").ToString().Should().NotContain("secret").And.Contain("owner");
    }

    private static SuiteSettings Read(Dictionary<string, string> environment) =>
        SuiteSettings.Read(_ => null, name => environment.GetValueOrDefault(name));
}
