namespace Conformance.Harness.Identifiers;

/// <summary>A user ID as the server returned it, split at the first colon.</summary>
/// <param name="Value">The whole ID, e.g. <c>@alice:example.org</c>.</param>
public sealed record UserId(string Value)
{
    /// <summary>The part between <c>@</c> and the first <c>:</c> (empty when the ID has no such shape).</summary>
    public string Localpart => Value.StartsWith('@') && Value.Contains(':', StringComparison.Ordinal)
        ? Value[1..Value.IndexOf(':', StringComparison.Ordinal)]
        : string.Empty;

    /// <summary>The part after the first <c>:</c> (empty when there is none).</summary>
    public string ServerName => Value.Contains(':', StringComparison.Ordinal)
        ? Value[(Value.IndexOf(':', StringComparison.Ordinal) + 1)..]
        : string.Empty;

    /// <summary>Every way the ID breaks the grammar; empty when it fits.</summary>
    public IReadOnlyList<string> GrammarProblems => UserIdGrammar.Problems(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
