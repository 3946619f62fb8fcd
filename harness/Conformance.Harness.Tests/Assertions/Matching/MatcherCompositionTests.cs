using Conformance.Harness.Assertions.Matching;

namespace Conformance.Harness.Tests.Assertions.Matching;

/// <summary>Compositions pass or fail as their parts say, and a failure says what the failing part wanted.</summary>
public sealed class MatcherCompositionTests
{
    private static readonly Matcher<int> Positive = new("a positive number", n => n > 0 ? null : $"it is {n}");
    private static readonly Matcher<int> Even = new("an even number", n => n % 2 == 0 ? null : $"it is {n}, which is odd");

    [Test]
    public void A_leaf_matcher_answers_null_or_what_it_wanted_and_found()
    {
        Positive.Match(1).Should().BeNull();
        Positive.Match(-1).Should().Be(new Mismatch("a positive number", "it is -1"));
    }

    [Test]
    public void All_fails_with_the_first_part_that_fails_and_runs_none_after_it()
    {
        var ran = false;
        var spy = new Matcher<int>("anything", _ =>
        {
            ran = true;
            return (string?)null;
        });

        Matchers.All(Positive, Even, spy).Match(-3).Should().Be(new Mismatch("a positive number", "it is -3"));
        ran.Should().BeFalse();
        Matchers.All(Positive, Even).Match(3).Should().Be(new Mismatch("an even number", "it is 3, which is odd"));
        Matchers.All(Positive, Even).Match(4).Should().BeNull();
    }

    [Test]
    public void AnyOf_passes_when_one_part_passes_and_else_says_what_each_found()
    {
        Matchers.AnyOf(Positive, Even).Match(-2).Should().BeNull();
        Matchers.AnyOf(Positive, Even).Match(-3)
            .Should().Be(new Mismatch("a positive number, or an even number", "it is -3; it is -3, which is odd"));
    }

    [Test]
    public void Not_fails_when_its_part_passes()
    {
        Matchers.Not(Positive).Match(-1).Should().BeNull();
        Matchers.Not(Positive).Match(1).Should().Be(new Mismatch("not a positive number", "it is so"));
    }

    [Test]
    public void When_checks_only_where_its_condition_holds()
    {
        var evenWhenPositive = Matchers.When(Positive, Even);

        evenWhenPositive.Match(-3).Should().BeNull();
        evenWhenPositive.Match(4).Should().BeNull();
        evenWhenPositive.Match(3).Should().Be(new Mismatch("an even number", "it is 3, which is odd"));
    }

    [Test]
    public void Expecting_renames_what_is_wanted_and_may_retell_what_was_found()
    {
        Even.Expecting("a pair").Match(3).Should().Be(new Mismatch("a pair", "it is 3, which is odd"));
        Even.Expecting("a pair", n => $"got {n}").Match(3).Should().Be(new Mismatch("a pair", "got 3"));
        Even.Expecting("a pair", n => $"got {n}").Match(2).Should().BeNull();
    }
}
