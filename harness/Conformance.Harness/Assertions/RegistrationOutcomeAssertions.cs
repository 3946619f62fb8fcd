using Conformance.Harness.Accounts;
using FluentAssertions;
using FluentAssertions.Common;
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
    public AndConstraint<RegistrationOutcomeAssertions> BeMappedToValidUserIdOrRejectedWith(string errcode)
    {
        if (Subject.Account is { } account)
        {
            account.Should().HaveValidUserId();
        }
        else if (Subject.Refusal is { } refusal && (refusal.StatusCode != 400 || refusal.ErrCode != errcode))
        {
            Services.ThrowException(FailureMessage.Compose(
                $"either a valid user ID or HTTP 400 with errcode {errcode}",
                $"the server answered {refusal.Summary}",
                refusal.Exchange));
        }

        return new(this);
    }

    /// <summary>The server registered an account, and its user ID fits the grammar.</summary>
    public AndConstraint<RegistrationOutcomeAssertions> HaveRegisteredAValidUserId()
    {
        if (Subject.Refusal is { } refusal)
        {
            Services.ThrowException(FailureMessage.Compose(
                "the registration to succeed", $"the server answered {refusal.Summary}", refusal.Exchange));
        }

        Subject.Account!.Should().HaveValidUserId();
        return new(this);
    }

    /// <summary>The server registered exactly <paramref name="userId"/>.</summary>
    public AndConstraint<RegistrationOutcomeAssertions> HaveRegistered(string userId)
    {
        if (Subject.Refusal is { } refusal)
        {
            Services.ThrowException(FailureMessage.Compose($"the registration of {userId} to succeed", $"the server answered {refusal.Summary}", refusal.Exchange));
        }

        if (Subject.Account!.UserId.Value != userId)
        {
            Services.ThrowException(FailureMessage.Compose($"the user ID {userId}", $"the server registered {Subject.Account.UserId}", Subject.Account.Response.Exchange));
        }

        return new(this);
    }

    /// <summary>The server refused with a 4xx: neither an account nor a server error.</summary>
    public AndConstraint<RegistrationOutcomeAssertions> BeRefusedWithClientError()
    {
        if (Subject.Account is { } account)
        {
            Services.ThrowException(FailureMessage.Compose("a refusal (4xx)", $"the server registered {account.UserId}", account.Response.Exchange));
        }

        if (Subject.Refusal!.StatusCode is < 400 or > 499)
        {
            Services.ThrowException(FailureMessage.Compose("a refusal (4xx)", $"the server answered {Subject.Refusal.Summary}", Subject.Refusal.Exchange));
        }

        return new(this);
    }

    /// <summary>The server refused with exactly this status and errcode.</summary>
    public AndConstraint<RegistrationOutcomeAssertions> BeRefusedWith(int status, string errcode)
    {
        if (Subject.Account is { } account)
        {
            Services.ThrowException(FailureMessage.Compose(
                $"a refusal with HTTP {status} and errcode {errcode}", $"the server registered {account.UserId}", account.Response.Exchange));
        }

        Subject.Refusal!.Should().BeMatrixError(status, errcode);
        return new(this);
    }
}
