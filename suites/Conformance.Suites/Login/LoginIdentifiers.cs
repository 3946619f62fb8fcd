namespace Conformance.Suites.Login;

/// <summary>The forms of m.id.user a client may send: the full ID, the localpart, and either in capitals.</summary>
/// <remarks>Servers match user IDs case-insensitively at login (Synapse, Dendrite, Conduit do; SyTest checks it).</remarks>
public static class LoginIdentifiers
{
    public static IEnumerable<TestCaseData> Forms()
    {
        yield return Case("full user ID", a => a.UserId.Value);
        yield return Case("localpart", a => a.UserId.Localpart);
        yield return Case("full user ID in capitals", a => "@" + a.UserId.Localpart.ToUpperInvariant() + ":" + a.UserId.ServerName);
    }

    private static TestCaseData Case(string name, Func<RegisteredAccount, string> form) => new TestCaseData(form).SetArgDisplayNames(name);
}
