using System.Text;

namespace Conformance.Harness.Client;

/// <summary>A request and the response it got, as recorded for reports and failure messages.</summary>
/// <param name="Request">What was sent (secrets redacted).</param>
/// <param name="Response">What came back (secrets redacted), or null when nothing did.</param>
/// <param name="StartedAt">When the request left.</param>
/// <param name="Duration">How long until the response was read.</param>
/// <param name="Failure">
/// Why there is no response (timeout, refused connection), why it is incomplete (body timed out, cut at the cap), or
/// what is wrong with its body (not JSON, not UTF-8, ...); null when none of these.
/// </param>
public sealed record Exchange(
    RecordedMessage Request, RecordedMessage? Response, DateTimeOffset StartedAt, TimeSpan Duration, string? Failure)
{
    private const int BodyCharsInMessages = 4000;

    /// <summary>The exchange as plain text a maintainer can read in a CI log.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        Append(text, "request", Request);
        if (Response is not null)
        {
            Append(text, $"response ({Duration.TotalMilliseconds:0} ms)", Response);
            if (Failure is not null)
            {
                text.Append("--- ").Append(Failure).AppendLine();
            }
        }
        else
        {
            text.Append("--- no response: ").Append(Failure).AppendLine();
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string title, RecordedMessage message)
    {
        text.Append("--- ").Append(title).AppendLine(" ---").AppendLine(message.StartLine);
        foreach (var (name, value) in message.Headers)
        {
            text.Append(name).Append(": ").AppendLine(value);
        }

        if (message.Body.Length > 0)
        {
            text.AppendLine();
            text.AppendLine(message.Body.Length > BodyCharsInMessages
                ? string.Concat(message.Body.AsSpan(0, BodyCharsInMessages), $"… ({message.Body.Length} chars)")
                : message.Body);
        }
    }
}
