using System.Reflection;
using Conformance.Harness.Probes;

namespace Conformance.Harness.Tests.Probes;

/// <summary>Every reason gives its kind for the closing line's counts, and keeps it when read back from its message.</summary>
public sealed class NotJudgedReasonKindTests
{
    private static IEnumerable<TestCaseData> SharedReasons() =>
        typeof(NotJudgedReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(NotJudgedReason))
            .Select(f => new TestCaseData((NotJudgedReason)f.GetValue(null)!).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(SharedReasons))]
    public void Every_shared_reason_gives_a_kind_of_its_own_and_keeps_it_through_its_message(NotJudgedReason reason)
    {
        var read = NotJudgedReason.Of(reason.Message("GET /login answered 404"));

        reason.Kind.Should().NotBe(NotJudgedKind.Other, "a reason the closing line cannot name counts as other: give it its kind");
        reason.Kind.Label.Split(' ').Should().HaveCountLessThanOrEqualTo(4, "the kind is a few words on one line");
        read.Should().Be(reason, "a reason read back from its message is the one thrown, kind and all");
    }

    [Test]
    public void The_shared_reasons_have_the_kinds_the_closing_line_counts()
    {
        NotJudgedReasons.GuestsClosed.Kind.Should().Be(NotJudgedKind.FeatureOff);
        NotJudgedReasons.RegistrationClosed.Kind.Should().Be(NotJudgedKind.FeatureOff);
        NotJudgedReasons.NoLegacyLogin.Kind.Should().Be(NotJudgedKind.FeatureOff);
        NotJudgedReasons.RefusedWhileRegistrationIsClosed.Kind.Should().Be(NotJudgedKind.FeatureOff);
        NotJudgedReasons.RuleForServersWithoutTheFeature.Kind.Should().Be(NotJudgedKind.FeatureOn);
        NotJudgedReasons.SettingNotGiven.Kind.Should().Be(NotJudgedKind.SettingMissing);
        NotJudgedReasons.OlderSpecVersion.Kind.Should().Be(NotJudgedKind.OlderSpec);
        NotJudgedReasons.NothingToCheckUnderServersChoice.Kind.Should().Be(NotJudgedKind.ServersChoice);
        NotJudgedReasons.NoCompletableUiaFlow.Kind.Should().Be(NotJudgedKind.NoUsableUiaFlow);
        NotJudgedReasons.NoRateLimitSeen.Kind.Label.Should().Be("no 429 seen");
    }

    [TestCase("login")]
    [TestCase("register")]
    public void A_rate_limit_of_any_endpoint_family_is_a_group_of_its_own_and_reads_back_as_rate_limited(string family)
    {
        var reason = NotJudgedReasons.RateLimitOutlasted(family, "raise the patience");

        var read = NotJudgedReason.Of(reason.Message("POST /login answered 429"));

        read.Should().Be(reason);
        read.Group.Should().Be($"A rate limit on {family} outlasts the harness's patience");
        read.Kind.Should().Be(NotJudgedKind.RateLimited);
    }

    [TestCase("Not judged: Room directory is not offered.\nTo judge it: offer it", TestName = "A message in the reasons' form from a reason the suite does not have counts as other")]
    [TestCase("Something nobody foresaw", TestName = "A message in no form counts as other")]
    [TestCase(null, TestName = "No message counts as other")]
    public void A_message_no_shared_reason_wrote_counts_as_other_whatever_its_words(string? message) =>
        NotJudgedReason.Of(message).Kind.Should().Be(NotJudgedKind.Other);
}
