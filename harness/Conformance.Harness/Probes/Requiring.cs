using Conformance.Harness.Client;
using NUnit.Framework;

namespace Conformance.Harness.Probes;

/// <summary>
/// What a test requires of the server, asked through its client of the run's probes and settings: each ends the test
/// Inconclusive, with the reason the run found, when the server or the run lacks it.
/// </summary>
public static class Requiring
{
    /// <summary>Inconclusive unless the server offers <paramref name="feature"/> (and what it needs, first).</summary>
    /// <exception cref="InconclusiveException">The feature, or one it needs, is not offered.</exception>
    public static async Task RequireAsync(this MatrixClient client, Feature feature)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(feature);
        if (feature.Needs is { } needed)
        {
            await client.RequireAsync(needed);
        }

        var offer = await client.Run.Probes.ProbeAsync(feature);
        if (!offer.IsOffered)
        {
            throw feature.WhenMissing.Exception(offer.Details);
        }
    }

    /// <summary>Inconclusive when the server offers <paramref name="feature"/>: for the rules that bind servers without it.</summary>
    /// <remarks>What the feature needs is required first: a rule for servers without guests binds only servers with registration at all.</remarks>
    /// <exception cref="InconclusiveException">The feature is offered, or one it needs is not.</exception>
    public static async Task RequireAbsentAsync(this MatrixClient client, Feature feature)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(feature);
        if (feature.Needs is { } needed)
        {
            await client.RequireAsync(needed);
        }
        if ((await client.Run.Probes.ProbeAsync(feature)).IsOffered)
        {
            throw NotJudgedReasons.RuleForServersWithoutTheFeature.Exception(feature.WhenPresent);
        }
    }

    /// <summary>The value of <paramref name="setting"/> the run was given; Inconclusive when it was given none.</summary>
    /// <exception cref="InconclusiveException">The setting was not given.</exception>
    public static string Require(this MatrixClient client, Setting setting)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(setting);
        return setting.ValueIn(client.Run) ?? throw NotJudgedReasons.SettingNotGiven.Exception(setting.WhenMissing);
    }

    /// <summary>Inconclusive when the server advertises no spec version from <paramref name="since"/> on.</summary>
    /// <param name="client">The test's client.</param>
    /// <param name="since">The first spec version with the rule, e.g. <c>v1.8</c>.</param>
    /// <param name="what">The part of a rule that came with that version, for the reason.</param>
    /// <exception cref="InconclusiveException">The server is older than <paramref name="since"/>.</exception>
    public static void RequireSpecVersion(this MatrixClient client, string since, string what)
    {
        ArgumentNullException.ThrowIfNull(client);
        var advertised = client.Run.AdvertisedVersions;
        if (!SpecVersions.AnyAtLeast(advertised, since))
        {
            throw NotJudgedReasons.OlderSpecVersion.Exception($"{what} came with spec {since}; the server advertises only {string.Join(", ", advertised)}.");
        }
    }

    /// <summary>
    /// Inconclusive when <paramref name="response"/> is a 403 and registration is closed: on such a server the spec
    /// documents no other answer, so a refusal before the rule could show is no verdict on the rule.
    /// </summary>
    /// <exception cref="InconclusiveException">The server refused because registration is closed.</exception>
    public static async Task NoVerdictIfRefusedWhileRegistrationIsClosedAsync(this MatrixClient client, MatrixResponse response)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == 403 && await client.Run.Probes.ProbeAsync(Feature.Registration) is { IsOffered: false } closed)
        {
            throw NotJudgedReasons.RefusedWhileRegistrationIsClosed.Exception(
                $"The server answered {response.Summary}; registration is closed here ({closed.Finding}).\n{response.Exchange.Describe()}");
        }
    }

    /// <summary>
    /// Inconclusive when <paramref name="response"/> is a UIA challenge (401 with <c>flows</c>, no <c>errcode</c>): a
    /// server may ask for auth before it looks at the rest of a request, and a challenge is not an error response.
    /// </summary>
    /// <exception cref="InconclusiveException">The answer is a UIA challenge.</exception>
    public static void NoVerdictOnAUiaChallenge(MatrixResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == 401 && response.Body is { } body && body.ContainsKey("flows") && !body.ContainsKey("errcode"))
        {
            throw NotJudgedReasons.NothingToCheckUnderServersChoice.Exception(
                $"The server answered with a UIA challenge ({response.Summary}), not an error: it may ask for auth before it checks the rest of the request.\n{response.Exchange.Describe()}");
        }
    }

    /// <summary>The server name after the colon of this server's user IDs: as configured, else learnt from one registration.</summary>
    public static Task<string> ServerNameAsync(this MatrixClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Run.Probes.ServerNameAsync();
    }
}
