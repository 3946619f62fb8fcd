using System.Diagnostics;
using System.Collections.Concurrent;
using Conformance.Harness.Accounts;
using Conformance.Harness.Client;
using Conformance.Harness.Fakes;
using Conformance.Harness.Probes;
using Conformance.Harness.Targets;
using Conformance.Harness.Uia;

namespace Conformance.Harness.Running;

/// <summary>What every test of a run shares: the target, the transport, the data generator, UIA stages and probes.</summary>
public sealed class ConformanceContext : IAsyncDisposable
{
    /// <summary>Creates the context of a run.</summary>
    public ConformanceContext(
        HomeserverTarget target, MatrixTransport transport, Fake fake, UiaDriver registrationUia, IReadOnlyList<string> advertisedVersions, SuiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Target = target;
        Transport = transport;
        Fake = fake;
        RegistrationUia = registrationUia;
        AdvertisedVersions = advertisedVersions;
        ServerName = settings.ServerName;
        RegistrationToken = settings.RegistrationToken;
        ExclusiveUsernamePrefix = settings.ExclusiveUsernamePrefix;
        AppServiceToken = settings.AppServiceToken;
        Probes = new ServerProbes(this);
    }

    private readonly Lock _sharedAccountLock = new();
    private (Task<RegisteredAccount> Account, long RegisteredAt)? _sharedAccount;
    private readonly ConcurrentDictionary<object, Lazy<Task<(object? Value, ExchangeLog Log)>>> _once = new(ReferenceEqualityComparer.Instance);

    /// <summary>The server under test.</summary>
    public HomeserverTarget Target { get; }

    /// <summary>The shared HTTP transport (one connection pool, one rate-limit gate).</summary>
    public MatrixTransport Transport { get; }

    /// <summary>The run's seeded data generator.</summary>
    public Fake Fake { get; }

    /// <summary>Completes registration UIA with the stages this run can satisfy.</summary>
    public UiaDriver RegistrationUia { get; }

    /// <summary>The spec versions the server lists in GET /_matrix/client/versions.</summary>
    public IReadOnlyList<string> AdvertisedVersions { get; }

    /// <summary>
    /// The client-server API path prefix to use: <c>v3</c> when the server advertises any v1.x version, else <c>r0</c>
    /// (a server from before v1.1 knows no v3 paths).
    /// </summary>
    public string ClientApiPrefix => SpecVersions.AnyAtLeast(AdvertisedVersions, "v1.1") ? "/_matrix/client/v3" : "/_matrix/client/r0";

    /// <summary>The server name the maintainer gave, or null (the probes then learn it from a registration).</summary>
    public string? ServerName { get; }

    /// <summary>A registration token the run may use, or null.</summary>
    public string? RegistrationToken { get; }

    /// <summary>The start of localparts an application service holds exclusively, or null when none is known.</summary>
    public string? ExclusiveUsernamePrefix { get; }

    /// <summary>The <c>as_token</c> of the application service holding that namespace, or null.</summary>
    public string? AppServiceToken { get; }

    /// <summary>
    /// One account registered on first use and shared by every test that only reads it, so a rate-limited server
    /// sees fewer registrations. Its users may log in to it, but must never log it out, change its password, or
    /// deactivate it; a test that changes an account registers its own.
    /// </summary>
    /// <remarks>
    /// A server may hand out short-lived access tokens even to clients that did not ask for refresh tokens: once half
    /// the shared account's announced lifetime has passed, the next caller gets a fresh account, so no reader gets a
    /// token that dies under it.
    /// </remarks>
    public Task<RegisteredAccount> SharedAccountAsync()
    {
        lock (_sharedAccountLock)
        {
            if (_sharedAccount is not { } shared || HalfItsLifeIsGone(shared.Account, shared.RegisteredAt))
            {
                _sharedAccount = shared = (new MatrixClient(this, new ExchangeLog()).RegisterAsync(), Stopwatch.GetTimestamp());
            }

            return shared.Account;
        }
    }

    private static bool HalfItsLifeIsGone(Task<RegisteredAccount> account, long registeredAt) =>
        account.IsCompletedSuccessfully && account.Result.Response.IntegerField("expires_in_ms") is { } lifetimeMs
        && Stopwatch.GetElapsedTime(registeredAt) > TimeSpan.FromMilliseconds(lifetimeMs / 2.0);

    /// <summary>The result of <paramref name="step"/> in this run, made on first use, and the exchanges that made it.</summary>
    public async Task<(T Value, ExchangeLog Log)> OnceAsync<T>(OncePerRun<T> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var made = await _once.GetOrAdd(step, _ => new(async () =>
        {
            var log = new ExchangeLog();
            return (await step.RunAsync(new MatrixClient(this, log)), log);
        })).Value;
        return ((T)made.Value!, made.Log);
    }

    /// <summary>What the server offers, probed once per run.</summary>
    public ServerProbes Probes { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Transport.Dispose();
        await Target.DisposeAsync();
    }
}
