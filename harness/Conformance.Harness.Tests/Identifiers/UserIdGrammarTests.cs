using Conformance.Harness.Identifiers;

namespace Conformance.Harness.Tests.Identifiers;

public sealed class UserIdGrammarTests
{
    [TestCase("@alice:example.org")]
    [TestCase("@a:b")]
    [TestCase("@alice+tag:example.org", Description = "'+' is allowed since v1.8")]
    [TestCase("@q3._=-/+:example.org")]
    [TestCase("@0123:localhost:8448")]
    [TestCase("@bob:1.2.3.4")]
    [TestCase("@bob:[::1]:8008")]
    [TestCase("@bob:[2001:db8::1]")]
    public void Accepts_user_IDs_that_fit_the_grammar(string userId) =>
        UserIdGrammar.Problems(userId).Should().BeEmpty();

    [TestCase("alice:example.org", "does not start with '@'")]
    [TestCase("@alice", "has no ':'")]
    [TestCase("@:example.org", "empty localpart")]
    [TestCase("@Alice:example.org", "'A'")]
    [TestCase("@al ice:example.org", "U+0020")]
    [TestCase("@alicé:example.org", "'é'")]
    [TestCase("@alice:exa_mple.org", "server name")]
    [TestCase("@alice:example.org:", "bad port")]
    [TestCase("@alice:example.org:123456", "bad port")]
    [TestCase("@alice:[::1", "IPv6")]
    [TestCase("@alice:", "server name")]
    public void Names_what_is_wrong_with_user_IDs_that_break_the_grammar(string userId, string problem) =>
        UserIdGrammar.Problems(userId).Should().ContainSingle().Which.Should().Contain(problem);

    [Test]
    public void Allows_exactly_255_bytes_and_refuses_256()
    {
        const string server = ":example.org";
        var fits = "@" + new string('a', 255 - 1 - server.Length) + server;
        var tooLong = "@" + new string('a', 256 - 1 - server.Length) + server;

        UserIdGrammar.Problems(fits).Should().BeEmpty();
        UserIdGrammar.Problems(tooLong).Should().ContainSingle().Which.Should().Contain("256 bytes");
    }

    [Test]
    public void Counts_bytes_not_characters()
    {
        // 'é' is refused on its own account too; the point here is that it weighs two bytes.
        var userId = "@" + new string('a', 241) + "é:example.org";

        UserIdGrammar.Problems(userId).Should().Contain(p => p.Contains("256 bytes"));
    }
}
