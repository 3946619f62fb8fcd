namespace Conformance.Suites.Registration;

/// <summary>
/// The run's one username that is taken on purpose: the checks of a taken name (availability, registration, the check
/// before UIA) all ask for it again. Only they use the account, so a server that lets a second registration take the
/// name over can upset no other test.
/// </summary>
public static class TakenUsername
{
    /// <summary>A fresh account registered under a name of the run's choosing.</summary>
    public static readonly OncePerRun<RegisteredAccount> Account = new(client => client.RegisterAsync(new() { Username = client.Fake.Localpart() }));
}
