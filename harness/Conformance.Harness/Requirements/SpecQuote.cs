namespace Conformance.Harness.Requirements;

/// <summary>One sentence of the spec a requirement rests on, in the spec's own words.</summary>
/// <param name="Text">
/// The words as the spec source has them: cut only with "…", never rephrased. Code spans keep their backticks, a
/// Markdown link is reduced to its text, and the lines of a literal block are joined with " | ".
/// </param>
/// <param name="Where">
/// Where it stands when that is not the prose of the section the requirement links to, e.g.
/// <c>registration.yaml, 403</c> for a documented response or <c>appendices, User Identifiers</c>; null for that prose.
/// </param>
/// <remarks>Read from the matrix-spec sources: <c>content/client-server-api/_index.md</c>, its modules, <c>data/api/client-server/*.yaml</c>.</remarks>
public sealed record SpecQuote(string Text, string? Where = null)
{
    /// <summary><c>Spec says: "…"</c>, or <c>Spec says (registration.yaml, 403): "…"</c>.</summary>
    public string Describe() => Where is null ? $"Spec says: \"{Text}\"" : $"Spec says ({Where}): \"{Text}\"";
}
