using Conformance.Harness.KnownFailures;

namespace Conformance.Harness.Tests.KnownFailures;

/// <summary>How a known-failures file is read and which tests its entries name.</summary>
public sealed class KnownFailureListTests
{
    private const string Method = "Conformance.Suites.Registration.UserRegistrationTests.Registering_a_taken_username_is_refused_with_M_USER_IN_USE";

    private static KnownFailureList Parse(params string[] lines) => KnownFailureList.Parse("list.txt", lines);

    [Test]
    public void Comments_and_blank_lines_are_not_entries()
    {
        var list = Parse("# a comment", "", "   ", "REG-IN-USE   # why it is listed");

        list.Count.Should().Be(1);
        list.Find("REG-IN-USE", Method, Method).Should().Be(new KnownFailureEntry("REG-IN-USE", 4, IsRequirement: true));
    }

    [TestCase("REG-IN-USE")]
    [TestCase(Method)]
    [TestCase("UserRegistrationTests.Registering_a_taken_username_is_refused_with_M_USER_IN_USE")]
    [TestCase("Registering_a_taken_username_is_refused_with_M_USER_IN_USE")]
    public void An_entry_names_a_test_by_requirement_full_name_class_and_method_or_method(string entry)
    {
        Parse(entry).Find("REG-IN-USE", Method, Method).Should().Be(new KnownFailureEntry(entry, 1, IsRequirement: entry == "REG-IN-USE"));
    }

    [Test]
    public void An_entry_with_arguments_names_only_that_case()
    {
        var list = Parse("Username_is_refused(\"a b\")");

        list.Find("REG-X", "Ns.Tests.Username_is_refused(\"a b\")", "Ns.Tests.Username_is_refused")!.Text.Should().Be("Username_is_refused(\"a b\")");
        list.Find("REG-X", "Ns.Tests.Username_is_refused(\"c\")", "Ns.Tests.Username_is_refused").Should().BeNull();
    }

    [Test]
    public void A_name_matches_only_at_a_dot_not_inside_another_name()
    {
        Parse("taken_username_is_refused_with_M_USER_IN_USE").Find(null, Method, Method).Should().BeNull();
    }

    [Test]
    public void A_test_name_entry_wins_over_a_requirement_entry()
    {
        var list = Parse("REG-IN-USE", "Registering_a_taken_username_is_refused_with_M_USER_IN_USE");

        list.Find("REG-IN-USE", Method, Method)!.IsRequirement.Should().BeFalse();
    }

    [Test]
    public void An_unknown_requirement_id_is_refused_with_its_line()
    {
        var read = () => Parse("REG-IN-USE", "REG-IN-USED");

        read.Should().Throw<ArgumentException>().WithMessage("list.txt line 2: 'REG-IN-USED' is not a requirement id*");
    }

    [Test]
    public void A_missing_file_is_refused()
    {
        var load = () => KnownFailureList.Load("/nonexistent/known-failures.txt");

        load.Should().Throw<ArgumentException>().WithMessage("*does not exist*");
    }

    [Test]
    public void A_requirement_is_fixed_only_when_none_of_its_tests_failed()
    {
        var list = Parse("REG-IN-USE", "REG-REFRESH", "GUEST-NO-UIA");
        var inUse = list.Find("REG-IN-USE", Method, Method)!;
        var refresh = list.Find("REG-REFRESH", "a", "a")!;

        list.Observe(inUse, failed: false);
        list.Observe(inUse, failed: true);
        list.Observe(inUse, failed: false);
        list.Observe(refresh, failed: false);

        list.FixedRequirements.Select(e => e.Text).Should().Equal("REG-REFRESH");
        list.Unmatched.Select(e => e.Text).Should().Equal("GUEST-NO-UIA");
    }
}
