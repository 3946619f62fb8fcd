namespace Conformance.Harness.Client;

/// <summary>Limits on how long the harness waits and how much it reads.</summary>
public sealed record TransportSettings
{
    /// <summary>How long one request may take, headers and whole body, before it counts as unanswered.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Response bodies are read up to this many bytes; the rest is dropped so a hostile server cannot exhaust memory.</summary>
    public int MaxResponseBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>A 429 that asks for a longer wait than this is not waited out: the test cannot conclude.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait used when a 429 names none.</summary>
    public TimeSpan DefaultRateLimitWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The most one request may spend waiting out 429s before its test is reported as inconclusive.</summary>
    public TimeSpan RateLimitBudget { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How many of the longest waits one request may sit out in all: <see cref="RateLimitBudget"/> over <see cref="MaxRateLimitWait"/>.</summary>
    public const int WaitsPerRequest = 3;

    /// <summary>
    /// Settings that wait out any one 429 of up to <paramref name="patience"/>, and up to <see cref="WaitsPerRequest"/>
    /// times that for one request in all: the default 60 s gives the default 60 s and 180 s.
    /// </summary>
    public TransportSettings WithRateLimitPatience(TimeSpan patience) =>
        this with { MaxRateLimitWait = patience, RateLimitBudget = patience * WaitsPerRequest };

    /// <summary>
    /// The least patience (whole seconds) that would have waited out a 429 asking for <paramref name="wait"/> after
    /// <paramref name="waited"/> of waiting for the same request.
    /// </summary>
    public static int PatienceFor(TimeSpan wait, TimeSpan waited) =>
        (int)Math.Ceiling(Math.Max(wait.TotalSeconds, (waited + wait).TotalSeconds / WaitsPerRequest));

    /// <summary>How long the whole run may send requests, counted from the transport's creation; then every request fails at once.</summary>
    public TimeSpan RunBudget { get; init; } = TimeSpan.FromMinutes(30);
}
