namespace Conformance.Harness.Probes;

/// <summary>The cause of a not-judged test in a few words, for a count on the closing line: "7 feature on".</summary>
public sealed class NotJudgedKind
{
    private NotJudgedKind(string label)
    {
        Label = label;
    }

    /// <summary>The server does not offer a feature the test needs.</summary>
    public static NotJudgedKind FeatureOff { get; } = new("feature off");

    /// <summary>The server offers the feature whose absence the rule is about.</summary>
    public static NotJudgedKind FeatureOn { get; } = new("feature on");

    /// <summary>A rate limit outlasted the harness's patience.</summary>
    public static NotJudgedKind RateLimited { get; } = new("rate-limited");

    /// <summary>The request waited behind an earlier one the server never answered.</summary>
    public static NotJudgedKind ServerStalled { get; } = new("server stalled");

    /// <summary>The rate-limit answer never came.</summary>
    public static NotJudgedKind NoRateLimitSeen { get; } = new("no 429 seen");

    /// <summary>No offered UIA flow is one the suite can complete.</summary>
    public static NotJudgedKind NoUsableUiaFlow { get; } = new("no usable UIA flow");

    /// <summary>The maintainer has not given a setting the check needs.</summary>
    public static NotJudgedKind SettingMissing { get; } = new("setting missing");

    /// <summary>The rule is newer than the spec versions the server advertises.</summary>
    public static NotJudgedKind OlderSpec { get; } = new("older spec");

    /// <summary>A legal choice of the server leaves the rule nothing to check.</summary>
    public static NotJudgedKind ServersChoice { get; } = new("server's choice");

    /// <summary>A token's lifetime does not fit the check.</summary>
    public static NotJudgedKind TokenLifetime { get; } = new("token lifetime");

    /// <summary>
    /// A step the test leaned on did not get what the test needs, and <paramref name="ruleId"/> judges that step's
    /// answer: each blocking rule is a count of its own ("85 blocked by REG-RESPONSE-REQUIRED").
    /// </summary>
    public static NotJudgedKind BlockedBy(string ruleId) => new("blocked by " + ruleId);

    /// <summary>A message none of the suite's reasons wrote.</summary>
    public static NotJudgedKind Other { get; } = new("other");

    /// <summary>The words the closing line counts it under.</summary>
    public string Label { get; }

    /// <summary>Whether this kind is a step blocked by another rule (<see cref="BlockedBy"/>).</summary>
    public bool IsBlocked => Label.StartsWith("blocked by ", StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NotJudgedKind other && other.Label == Label;

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Label);

    /// <inheritdoc />
    public override string ToString() => Label;
}
