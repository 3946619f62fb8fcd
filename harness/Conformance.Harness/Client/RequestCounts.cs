using System.Collections.Concurrent;
using System.Globalization;

namespace Conformance.Harness.Client;

/// <summary>
/// How many requests a run sent, per endpoint family, how many came back 429, and how many accounts and sessions they
/// made: registrations and logins are what a rate-limited server makes a run wait for.
/// </summary>
public sealed class RequestCounts
{
    private readonly ConcurrentDictionary<string, int> _byFamily = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _testsByFamily = new(StringComparer.Ordinal);
    private int _rateLimited;
    private int _registrations;
    private int _logins;
    private int _loginAttempts;

    /// <summary>Accounts registered (users and guests): POST /register answered 200.</summary>
    public int Registrations => Volatile.Read(ref _registrations);

    /// <summary>Logins made: POST /login answered 200.</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>Login attempts the server judged, whatever the outcome: POST /login answered with anything but 429.</summary>
    public int LoginAttempts => Volatile.Read(ref _loginAttempts);

    /// <summary>Requests sent in all.</summary>
    public int Total => _byFamily.Values.Sum();

    /// <summary>Counts one request sent to <paramref name="family"/>.</summary>
    public void Sent(string family) => _byFamily.AddOrUpdate(family, 1, (_, n) => n + 1);

    /// <summary>Counts what an answered request made: an account or a session.</summary>
    public void Answered(MatrixRequest request, int status)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != HttpMethod.Post || status == 429)
        {
            return;
        }

        var login = request.Path.EndsWith("/login", StringComparison.Ordinal);
        if (login)
        {
            Interlocked.Increment(ref _loginAttempts);
        }

        if (status != 200)
        {
            return;
        }

        if (request.Path.EndsWith("/register", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _registrations);
        }
        else if (login)
        {
            Interlocked.Increment(ref _logins);
        }
    }

    /// <summary>Notes that the test <paramref name="testId"/> sends to, or waits on, <paramref name="family"/>.</summary>
    public void Involves(string family, string testId) =>
        _testsByFamily.GetOrAdd(family, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(testId, 0);

    /// <summary>How many distinct tests have sent to, or waited on, <paramref name="family"/> so far.</summary>
    public int TestsOf(string family) => _testsByFamily.TryGetValue(family, out var tests) ? tests.Count : 0;

    /// <summary>Counts one 429 answer.</summary>
    public void RateLimited() => Interlocked.Increment(ref _rateLimited);

    /// <summary>Requests sent to <paramref name="family"/> so far.</summary>
    public int Of(string family) => _byFamily.GetValueOrDefault(family);

    /// <summary>
    /// One line for the end of a run:
    /// <c>412 requests (register 160, login 75, refresh 9, other 168); 0 answered 429; 80 registrations, 40 logins of 44 login attempts</c>.
    /// </summary>
    public string Describe()
    {
        var families = _byFamily.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} {f.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Total} requests ({string.Join(", ", families)}); {Volatile.Read(ref _rateLimited)} answered 429; {Registrations} registrations, {Logins} logins of {LoginAttempts} login attempts");
    }
}
