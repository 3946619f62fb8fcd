using Conformance.Harness.Accounts;
using Conformance.Harness.Assertions.Matching;
using Conformance.Harness.Assertions.Verdicts;
using FluentAssertions;
using FluentAssertions.Primitives;

namespace Conformance.Harness.Assertions;

/// <summary>Assertions on how a registration attempt ended.</summary>
public sealed class RegistrationOutcomeAssertions(RegistrationOutcome subject)
    : ReferenceTypeAssertions<RegistrationOutcome, RegistrationOutcomeAssertions>(subject)
{
    /// <inheritdoc />
    protected override string Identifier => "registration";

    /// <summary>
    /// Either the server refused with 400 and <paramref name="errcode"/>, or it registered an account whose user ID
    /// fits the grammar: the two answers the spec allows for a username it cannot use as given.
    /// </summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The refusal is a 400 without an errcode (API-ERROR-SHAPE judges that).</exception>
    public AndConstraint<RegistrationOutcomeAssertions> BeMappedToValidUserIdOrRejectedWith(string errcode)
    {
        if (Subject.Refusal is { } refusal)
        {
            Steps.ErrorBodySteps.NeedsAnErrcode(refusal, 400);
        }

        return Check(RegistrationVerdicts.MappedToValidUserIdOrRefusedWith(errcode));
    }

    /// <summary>The server registered an account, whatever its user ID (the ID's grammar is REG-USERID-GRAMMAR's).</summary>
    public AndConstraint<RegistrationOutcomeAssertions> HaveRegisteredAnAccount() => Check(RegistrationVerdicts.RegisteredAnAccount());

    /// <summary>The server refused (a 4xx, whatever its errcode), or registered a user ID that fits the grammar: never an invalid one.</summary>
    public AndConstraint<RegistrationOutcomeAssertions> BeRefusedOrGetAValidUserId() => Check(RegistrationVerdicts.RefusedOrValidUserId());

    /// <summary>The server registered an account whose localpart is exactly <paramref name="localpart"/>.</summary>
    public AndConstraint<RegistrationOutcomeAssertions> HaveRegisteredTheLocalpart(string localpart) => Check(RegistrationVerdicts.RegisteredTheLocalpart(localpart));

    /// <summary>The server registered an account, with a localpart of some kind (its grammar is another rule's).</summary>
    public AndConstraint<RegistrationOutcomeAssertions> HaveRegisteredANonEmptyLocalpart() => Check(RegistrationVerdicts.RegisteredANonEmptyLocalpart());

    /// <summary>The server registered exactly <paramref name="userId"/>.</summary>
    public AndConstraint<RegistrationOutcomeAssertions> HaveRegistered(string userId) => Check(RegistrationVerdicts.Registered(userId));

    /// <summary>The server refused with one of <paramref name="statuses"/>: no account was made.</summary>
    public AndConstraint<RegistrationOutcomeAssertions> BeRefusedWithStatus(params int[] statuses) => Check(RegistrationVerdicts.RefusedWithStatus(statuses));

    /// <summary>The server refused with a 4xx: neither an account nor a server error.</summary>
    public AndConstraint<RegistrationOutcomeAssertions> BeRefusedWithClientError() => Check(RegistrationVerdicts.RefusedWithClientError());

    /// <summary>The server refused with exactly this status and errcode.</summary>
    /// <exception cref="NUnit.Framework.InconclusiveException">The status is right but the body has no errcode (API-ERROR-SHAPE judges that).</exception>
    public AndConstraint<RegistrationOutcomeAssertions> BeRefusedWith(int status, string errcode)
    {
        if (Subject.Refusal is { } refusal)
        {
            Steps.ErrorBodySteps.NeedsAnErrcode(refusal, status);
        }

        return Check(RegistrationVerdicts.RefusedWith(status, errcode));
    }

    private AndConstraint<RegistrationOutcomeAssertions> Check(Matcher<RegistrationOutcome> matcher)
    {
        Failures.Report(matcher.Match(Subject), Subject.Account?.Response ?? Subject.Refusal!);
        return new(this);
    }
}
