namespace Conformance.Harness.Accounts;

/// <summary>Where an account a test stands on came from; the report names the tests judged on accounts the suite did not register.</summary>
public enum AccountOrigin
{
    /// <summary>The suite registered it through POST /register.</summary>
    Registered,

    /// <summary>The maintainer gave it (<c>CONFORMANCE_ACCOUNT_USER</c>); the suite uses only sessions it made itself.</summary>
    Given,

    /// <summary>The run's application service registered it in its namespace: it has no password.</summary>
    AppService,
}
