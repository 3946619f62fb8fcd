namespace Conformance.Suites.Login;

/// <summary>The forms of m.id.user a client may send: the full ID and the localpart.</summary>
public static class LoginIdentifiers
{
    public static IEnumerable<TestCaseData> Forms()
    {
        yield return Case("full user ID", a => a.UserId.Value);
        yield return Case("localpart", a => a.UserId.Localpart);
    }

    private static TestCaseData Case(string name, Func<RegisteredAccount, string> form) => new TestCaseData(form).SetArgDisplayNames(name);
}
