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

    /// <summary>How long the whole run may send requests, counted from the transport's creation; then every request fails at once.</summary>
    public TimeSpan RunBudget { get; init; } = TimeSpan.FromMinutes(30);
}
