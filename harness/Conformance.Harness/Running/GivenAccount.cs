namespace Conformance.Harness.Running;

/// <summary>An account the maintainer gave the run (<c>CONFORMANCE_ACCOUNT_USER</c>, <c>CONFORMANCE_ACCOUNT_PASSWORD</c>).</summary>
/// <param name="User">Its user ID or localpart, as a password login's <c>m.id.user</c> identifier takes it.</param>
/// <param name="Password">Its password: a secret, declared to the redaction so no report holds it.</param>
public sealed record GivenAccount(string User, string Password)
{
    /// <inheritdoc />
    public override string ToString() => $"GivenAccount {{ User = {User} }}";
}
