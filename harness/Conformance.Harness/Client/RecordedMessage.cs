namespace Conformance.Harness.Client;

/// <summary>One side of a recorded exchange, with secrets already redacted.</summary>
/// <param name="StartLine">For a request <c>POST http://…/register</c>; for a response <c>HTTP 401</c>.</param>
/// <param name="Headers">Header name to value (several values joined by a comma).</param>
/// <param name="Body">The body as text (redacted; cut at the recording cap), or empty.</param>
public sealed record RecordedMessage(string StartLine, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>
    /// Which secret each redaction marker stands for, in the order the markers appear (start line, headers, body):
    /// names only, kept in memory for reproductions, never a value.
    /// </summary>
    public IReadOnlyList<SecretName> Secrets { get; init; } = [];
}
