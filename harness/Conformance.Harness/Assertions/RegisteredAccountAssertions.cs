using Conformance.Harness.Accounts;
using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Assertions.Verdicts;
using FluentAssertions;
using FluentAssertions.Primitives;

namespace Conformance.Harness.Assertions;

/// <summary>Assertions on an account the server registered.</summary>
public sealed class RegisteredAccountAssertions(RegisteredAccount subject)
    : ReferenceTypeAssertions<RegisteredAccount, RegisteredAccountAssertions>(subject)
{
    /// <inheritdoc />
    protected override string Identifier => "account";

    /// <summary>The user ID fits the grammar for new user IDs.</summary>
    public AndConstraint<RegisteredAccountAssertions> HaveValidUserId() => Check(RegistrationVerdicts.UserIdFitsTheGrammar());

    /// <summary>The user ID's localpart is exactly <paramref name="localpart"/>.</summary>
    public AndConstraint<RegisteredAccountAssertions> HaveLocalpart(string localpart) => Check(RegistrationVerdicts.Localpart(localpart));

    private AndConstraint<RegisteredAccountAssertions> Check(Matcher<RegisteredAccount> matcher)
    {
        Failures.Report(matcher.Match(Subject), Subject.Response);
        return new(this);
    }
}
