using Conformance.Harness.Accounts;
using FluentAssertions;
using FluentAssertions.Common;
using FluentAssertions.Primitives;

namespace Conformance.Harness.Assertions;

/// <summary>Assertions on an account the server registered.</summary>
public sealed class RegisteredAccountAssertions(RegisteredAccount subject)
    : ReferenceTypeAssertions<RegisteredAccount, RegisteredAccountAssertions>(subject)
{
    /// <inheritdoc />
    protected override string Identifier => "account";

    /// <summary>The user ID fits the grammar for new user IDs.</summary>
    public AndConstraint<RegisteredAccountAssertions> HaveValidUserId()
    {
        var problems = Subject.UserId.GrammarProblems;
        if (problems.Count > 0)
        {
            Services.ThrowException(FailureMessage.Compose(
                "a user ID that fits the grammar", $"\"{Subject.UserId}\" {string.Join("; ", problems)}", Subject.Response.Exchange));
        }

        return new(this);
    }

    /// <summary>The user ID's localpart is exactly <paramref name="localpart"/>.</summary>
    public AndConstraint<RegisteredAccountAssertions> HaveLocalpart(string localpart)
    {
        if (Subject.UserId.Localpart != localpart)
        {
            Services.ThrowException(FailureMessage.Compose(
                $"the localpart \"{localpart}\"", $"the user ID is \"{Subject.UserId}\"", Subject.Response.Exchange));
        }

        return new(this);
    }
}
