using System.Diagnostics.CodeAnalysis;
using Conformance.Harness.Client;

namespace Conformance.Harness.Probes;

/// <summary>What a probe found: the feature is offered, or it is not, with why and the exchange that showed it.</summary>
public sealed record FeatureOffer
{
    private FeatureOffer(string? why, Exchange? shownBy)
    {
        Why = why;
        ShownBy = shownBy;
    }

    /// <summary>The server offers the feature.</summary>
    public static FeatureOffer Offered { get; } = new(null, null);

    /// <summary>Why the feature is not offered, or null when it is.</summary>
    public string? Why { get; }

    /// <summary>The exchange that showed it is not offered, or null when it is, or when a setting it needs was not given.</summary>
    public Exchange? ShownBy { get; }

    /// <summary>Whether the server offers the feature.</summary>
    [MemberNotNullWhen(false, nameof(Why))]
    public bool IsOffered => Why is null;

    /// <summary>Why not and the exchange, for an Inconclusive message; empty when offered.</summary>
    public string Details => IsOffered ? string.Empty : ShownBy is null ? Why : Why + "\n" + ShownBy.Describe();

    /// <summary>The finding in one line, for the report: "offered", or the first line of why not.</summary>
    public string Finding => IsOffered ? "offered" : Why.Split('\n', 2)[0];

    /// <summary>The server does not offer the feature: <paramref name="why"/>, as <paramref name="shownBy"/> showed.</summary>
    public static FeatureOffer NotOffered(string why, Exchange shownBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        ArgumentNullException.ThrowIfNull(shownBy);
        return new(why, shownBy);
    }

    /// <summary>The run cannot use the feature: the setting it needs was not given (<paramref name="why"/> names it); no request was sent.</summary>
    public static FeatureOffer NotGiven(string why)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        return new(why, null);
    }
}
