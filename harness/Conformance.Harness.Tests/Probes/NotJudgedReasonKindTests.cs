using System.Reflection;
using Conformance.Harness.Probes;

namespace Conformance.Harness.Tests.Probes;

/// <summary>Every reason has a short kind for the closing line's counts, and keeps it when read back from its message.</summary>
public sealed class NotJudgedReasonKindTests
{
    private static IEnumerable<TestCaseData> SharedReasons() =>
        typeof(NotJudgedReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(NotJudgedReason))
            .Select(f => new TestCaseData((NotJudgedReason)f.GetValue(null)!).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(SharedReasons))]
    public void Every_shared_reason_has_a_kind_of_its_own_and_keeps_it_through_its_message(NotJudgedReason reason)
    {
        var read = NotJudgedReason.Of(reason.Message("GET /login answered 404"));

        reason.Kind.Should().NotBe("other", "a reason the closing line cannot name counts as other: word its group so a kind matches, or add one");
        reason.Kind.Split(' ').Should().HaveCountLessThanOrEqualTo(4, "the kind is a few words on one line");
        read.Kind.Should().Be(reason.Kind);
        read.Should().Be(reason, "the kind is no field of its own, so a reason read back equals the one thrown");
    }

    [Test]
    public void The_shared_reasons_have_the_kinds_the_closing_line_counts()
    {
        NotJudgedReasons.GuestsClosed.Kind.Should().Be("feature off");
        NotJudgedReasons.RegistrationClosed.Kind.Should().Be("feature off");
        NotJudgedReasons.NoLegacyLogin.Kind.Should().Be("feature off");
        NotJudgedReasons.RefusedWhileRegistrationIsClosed.Kind.Should().Be("feature off");
        NotJudgedReasons.RuleForServersWithoutTheFeature.Kind.Should().Be("feature on");
        NotJudgedReasons.SettingNotGiven.Kind.Should().Be("setting missing");
        NotJudgedReasons.OlderSpecVersion.Kind.Should().Be("older spec");
        NotJudgedReasons.NothingToCheckUnderServersChoice.Kind.Should().Be("server's choice");
        NotJudgedReasons.NoCompletableUiaFlow.Kind.Should().Be("no usable UIA flow");
    }

    [TestCase("The server rate-limited POST /_matrix/client/v3/register and asked to wait 600 s after 0 s of waiting; the harness waits at most 30 s at a time.", "rate-limited")]
    [TestCase("Not judged: A rate limit on login outlasts the harness's patience.\nTo judge it: raise the patience", "rate-limited")]
    [TestCase("The server answered 12 quick POST /_matrix/client/v3/login requests without a 429 (the last with HTTP 403), so its rate-limit answer could not be seen.", "no 429 seen")]
    [TestCase("Not judged: The server answered no request with 429.\nTo judge it: give it a low limit", "no 429 seen")]
    [TestCase("Not judged: Room directory is not offered.\nTo judge it: offer it", "feature off")]
    [TestCase("Something nobody foresaw", "other")]
    [TestCase(null, "other")]
    public void A_message_written_before_the_reasons_or_by_someone_else_gets_its_kind_from_its_words(string? message, string kind) =>
        NotJudgedReason.Of(message).Kind.Should().Be(kind);
}
