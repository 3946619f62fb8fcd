using Conformance.Harness.Fakes;
using Conformance.Harness.Identifiers;

namespace Conformance.Harness.Tests.Fakes;

public sealed class FakeTests
{
    [Test]
    public void Localparts_fit_the_grammar_and_never_repeat()
    {
        var fake = new Fake(7);

        var localparts = Enumerable.Range(0, 2000).Select(_ => fake.Localpart()).ToList();

        localparts.Should().OnlyHaveUniqueItems();
        localparts.Should().AllSatisfy(l => UserIdGrammar.LocalpartProblems(l).Should().BeEmpty());
    }

    [Test]
    public void The_same_seed_gives_the_same_names()
    {
        static string Name(string localpart) => localpart[..localpart.LastIndexOf('-', localpart.LastIndexOf('-') - 1)];

        Name(new Fake(42).Localpart()).Should().Be(Name(new Fake(42).Localpart()));
    }

    [Test]
    public void Two_runs_with_the_same_seed_still_get_different_localparts() =>
        new Fake(42).Localpart().Should().NotBe(new Fake(42).Localpart());

    [Test]
    public void Passwords_are_long_and_random()
    {
        var fake = new Fake(1);

        var passwords = Enumerable.Range(0, 100).Select(_ => fake.Password()).ToList();

        passwords.Should().OnlyHaveUniqueItems().And.AllSatisfy(p => p.Length.Should().Be(24));
    }
}
