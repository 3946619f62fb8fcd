using Conformance.Harness.Accounts;
using Conformance.Harness.Client;

namespace Conformance.Harness.Assertions;

/// <summary>Entry points: <c>response.Should()</c>, <c>account.Should()</c>, <c>outcome.Should()</c>.</summary>
public static class MatrixAssertionExtensions
{
    /// <summary>Assertions on a server response.</summary>
    public static MatrixResponseAssertions Should(this MatrixResponse response) => new(response);

    /// <summary>Assertions on a registered account.</summary>
    public static RegisteredAccountAssertions Should(this RegisteredAccount account) => new(account);

    /// <summary>Assertions on a registration attempt's outcome.</summary>
    public static RegistrationOutcomeAssertions Should(this RegistrationOutcome outcome) => new(outcome);
}
