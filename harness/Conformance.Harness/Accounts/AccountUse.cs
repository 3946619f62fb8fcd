namespace Conformance.Harness.Accounts;

/// <summary>
/// What a test does to the account it stands on, which decides where the account may come from when registration is
/// closed: a given account only ever loses the sessions the suite made on it.
/// </summary>
public enum AccountUse
{
    /// <summary>
    /// It makes sessions of its own and ends them (logs them out, deletes their devices, logs in to them again),
    /// answering UIA with the password: a registered account, else the given account.
    /// </summary>
    OwnSessions,

    /// <summary>As <see cref="OwnSessions"/>, with no password needed: a registered account, else the given account, else one the application service makes.</summary>
    OwnSessionsWithoutPassword,

    /// <summary>It ends every session of the account: a registered account, else one the application service makes (without a password).</summary>
    Whole,
}
