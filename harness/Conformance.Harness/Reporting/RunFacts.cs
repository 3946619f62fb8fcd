namespace Conformance.Harness.Reporting;

/// <summary>What the report says about the run as a whole.</summary>
/// <param name="Target">The server under test, as the run describes it.</param>
/// <param name="ServerSoftware">The server's <c>Server</c> header, if it sent one.</param>
/// <param name="AdvertisedVersions">The spec versions it advertises.</param>
/// <param name="Seed">The data seed.</param>
/// <param name="ServerName">The server name in its user IDs, once known.</param>
/// <param name="Features">What the probes found about optional features: offered, or why not.</param>
public sealed record RunFacts(
    string Target, string? ServerSoftware, IReadOnlyList<string> AdvertisedVersions, int Seed, string? ServerName = null,
    IReadOnlyList<(string Feature, string Finding)>? Features = null);
