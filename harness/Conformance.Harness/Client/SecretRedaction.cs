using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Conformance.Harness.Client;

/// <summary>
/// Removes secrets from what is recorded: JSON fields, headers and query parameters that carry them. One instance per
/// transport remembers what it redacted, so a check of a run's outputs can look for exactly that run's secrets.
/// </summary>
public sealed class SecretRedaction
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Marker = "<redacted>";

    private static readonly HashSet<string> SecretFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "new_password", "access_token", "refresh_token", "login_token", "token", "guest_access_token",
        // The OAuth 2.0 API's: a code and its PKCE verifier are worth an access token, and so is a client's secret.
        "client_secret", "code", "code_verifier", "device_code",
    };

    // Built once, to find any of them in one pass: the check runs on every request and response body.
    private static readonly SearchValues<string> QuotedSecretFields =
        SearchValues.Create([.. SecretFields.Select(f => $"\"{f}\"")], StringComparison.OrdinalIgnoreCase);

    // Every value redacted so far, kept in memory only: checks of the run's outputs grep for them.
    private readonly ConcurrentDictionary<string, byte> _redacted = new(StringComparer.Ordinal);

    /// <summary>Every secret value this instance has redacted (never written anywhere).</summary>
    public IReadOnlyCollection<string> RedactedValues => [.. _redacted.Keys];

    /// <summary>Whether a JSON field, header or query parameter of this name carries a secret.</summary>
    public static bool IsSecretName(string name) =>
        SecretFields.Contains(name) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A JSON text with every secret field's value replaced (duplicated keys included); other text is returned
    /// unchanged, unless it cannot be parsed and names a secret field, when all of it is replaced.
    /// </summary>
    public string RedactBody(string text)
    {
        // Most bodies name no secret field: skip parsing them (the harness does this for every request and response).
        if (!NamesSecretField(text))
        {
            return text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            using var output = new MemoryStream();
            using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                if (!Redact(document.RootElement, writer))
                {
                    return text;
                }
            }

            return System.Text.Encoding.UTF8.GetString(output.ToArray());
        }
        catch (JsonException)
        {
            // Too deep or broken to parse: a secret in it cannot be found, so none of it is kept if it may hold one.
            return $"{Marker} (a body that is not parseable JSON and names a secret field)";
        }
    }

    /// <summary>
    /// A URL with the values of secret query parameters (<c>access_token</c>, ...) redacted, in the fragment too, where
    /// an OAuth 2.0 redirect carries its <c>code</c>.
    /// </summary>
    public string RedactUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var start = url.IndexOfAny(['?', '#']);
        if (start < 0)
        {
            return url;
        }

        var fragment = url.IndexOf('#', start);
        return fragment < 0 || fragment == start
            ? url[..(start + 1)] + RedactForm(url[(start + 1)..])
            : url[..(start + 1)] + RedactForm(url[(start + 1)..fragment]) + "#" + RedactForm(url[(fragment + 1)..]);
    }

    /// <summary>An <c>application/x-www-form-urlencoded</c> text (a form body, a query) with the values of secret fields redacted.</summary>
    public string RedactForm(string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var pairs = form.Split('&').Select(pair =>
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0].Replace('+', ' '));
            return IsSecretName(name) ? $"{parts[0]}={RedactQueryValue(name, parts.Length > 1 ? parts[1] : string.Empty)}" : pair;
        });
        return string.Join('&', pairs);
    }

    private static bool NamesSecretField(string text) => text.AsSpan().ContainsAny(QuotedSecretFields);

    /// <summary>A header value, redacted when the header carries a secret.</summary>
    public string RedactHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsSecretName(name))
        {
            return value;
        }

        var bearer = value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        Remember(bearer ? value["Bearer ".Length..] : value);
        return bearer ? "Bearer " + Marker : Marker;
    }

    /// <summary>A query parameter's value, redacted when the parameter carries a secret.</summary>
    public string RedactQueryValue(string name, string value)
    {
        if (!IsSecretName(name))
        {
            return value;
        }

        Remember(Uri.UnescapeDataString(value));
        return Marker;
    }

    private void Remember(string secret)
    {
        if (secret.Length > 0 && secret != Marker)
        {
            _redacted.TryAdd(secret, 0);
        }
    }

    /// <summary>Writes <paramref name="element"/> with secret values replaced; says whether it replaced any.</summary>
    private bool Redact(JsonElement element, Utf8JsonWriter writer)
    {
        var changed = false;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                // EnumerateObject yields a repeated key each time it appears, so every copy of a secret is caught.
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    // Only strings are secrets: "refresh_token": true in a register request is a flag, not a token.
                    if (IsSecretName(property.Name) && property.Value.ValueKind == JsonValueKind.String)
                    {
                        Remember(property.Value.GetString()!);
                        writer.WriteStringValue(Marker);
                        changed = true;
                    }
                    else
                    {
                        changed |= Redact(property.Value, writer);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    changed |= Redact(item, writer);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }

        return changed;
    }
}
