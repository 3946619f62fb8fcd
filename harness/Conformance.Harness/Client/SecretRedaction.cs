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

    /// <summary>The JSON fields whose string values are secrets.</summary>
    public static IReadOnlyCollection<string> SecretFieldNames => SecretFields;

    // Built once, to find any of them in one pass: the check runs on every request and response body.
    private static readonly SearchValues<string> QuotedSecretFields =
        SearchValues.Create([.. SecretFields.Select(f => $"\"{f}\"")], StringComparison.OrdinalIgnoreCase);

    // Every value redacted so far, kept in memory only: checks of the run's outputs grep for them.
    private readonly ConcurrentDictionary<string, byte> _redacted = new(StringComparer.Ordinal);

    // Each value's stable name (ACCESS_TOKEN_1, …), kept in memory only, so a reproduction can tell which secret a
    // marker stood for without the value ever being written.
    private readonly ConcurrentDictionary<string, SecretName> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _namesPerKind = new(StringComparer.Ordinal);

    /// <summary>Every secret value this instance has redacted (never written anywhere).</summary>
    public IReadOnlyCollection<string> RedactedValues => [.. _redacted.Keys];

    /// <summary>
    /// Names a secret the run was given in its settings (a registration token, an appservice token) after the setting's
    /// environment variable, so a reproduction reads it from there; the value is kept in memory only.
    /// </summary>
    public void Declare(string? value, string environmentVariable)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _names[value] = SecretName.Of(environmentVariable, value, fromSettings: true);
        }
    }

    /// <summary>Whether a JSON field, header or query parameter of this name carries a secret.</summary>
    public static bool IsSecretName(string name) =>
        SecretFields.Contains(name) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A JSON text with every secret field's value replaced (duplicated keys included); other text is returned
    /// unchanged, unless it cannot be parsed and names a secret field, when all of it is replaced.
    /// </summary>
    /// <param name="text">The body.</param>
    /// <param name="names">Where the name of each value replaced is added, in the order of the markers; none by default.</param>
    public string RedactBody(string text, ICollection<SecretName>? names = null)
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
                if (!Redact(document.RootElement, writer, names))
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
    /// <param name="url">The URL.</param>
    /// <param name="names">Where the name of each value replaced is added, in the order of the markers; none by default.</param>
    public string RedactUrl(string url, ICollection<SecretName>? names = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var start = url.IndexOfAny(['?', '#']);
        if (start < 0)
        {
            return url;
        }

        var fragment = url.IndexOf('#', start);
        return fragment < 0 || fragment == start
            ? url[..(start + 1)] + RedactForm(url[(start + 1)..], names)
            : url[..(start + 1)] + RedactForm(url[(start + 1)..fragment], names) + "#" + RedactForm(url[(fragment + 1)..], names);
    }

    /// <summary>An <c>application/x-www-form-urlencoded</c> text (a form body, a query) with the values of secret fields redacted.</summary>
    /// <param name="form">The text.</param>
    /// <param name="names">Where the name of each value replaced is added, in the order of the markers; none by default.</param>
    public string RedactForm(string form, ICollection<SecretName>? names = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var pairs = form.Split('&').Select(pair =>
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0].Replace('+', ' '));
            return IsSecretName(name) ? $"{parts[0]}={RedactQueryValue(name, parts.Length > 1 ? parts[1] : string.Empty, names)}" : pair;
        });
        return string.Join('&', pairs);
    }

    private static bool NamesSecretField(string text) => text.AsSpan().ContainsAny(QuotedSecretFields);

    /// <summary>A header value, redacted when the header carries a secret.</summary>
    /// <param name="name">The header's name.</param>
    /// <param name="value">Its value.</param>
    /// <param name="names">Where the name of the value replaced is added; none by default.</param>
    public string RedactHeader(string name, string value, ICollection<SecretName>? names = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsSecretName(name))
        {
            return value;
        }

        var bearer = value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        // A bearer token is an access token, whichever header carries it.
        Remember(bearer ? value["Bearer ".Length..] : value, bearer ? "access_token" : name, names);
        return bearer ? "Bearer " + Marker : Marker;
    }

    /// <summary>A query parameter's value, redacted when the parameter carries a secret.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">Its value, escaped as in the URL.</param>
    /// <param name="names">Where the name of the value replaced is added; none by default.</param>
    public string RedactQueryValue(string name, string value, ICollection<SecretName>? names = null)
    {
        if (!IsSecretName(name))
        {
            return value;
        }

        Remember(Uri.UnescapeDataString(value), name, names);
        return Marker;
    }

    private void Remember(string secret, string field, ICollection<SecretName>? names)
    {
        if (secret.Length > 0 && secret != Marker)
        {
            _redacted.TryAdd(secret, 0);
        }

        names?.Add(_names.GetOrAdd(secret, value =>
        {
            var kind = SecretName.KindOf(field);
            return SecretName.Of($"{kind}_{_namesPerKind.AddOrUpdate(kind, 1, (_, n) => n + 1)}", value, fromSettings: false);
        }));
    }

    /// <summary>Writes <paramref name="element"/> with secret values replaced; says whether it replaced any.</summary>
    private bool Redact(JsonElement element, Utf8JsonWriter writer, ICollection<SecretName>? names)
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
                        Remember(property.Value.GetString()!, property.Name, names);
                        writer.WriteStringValue(Marker);
                        changed = true;
                    }
                    else
                    {
                        changed |= Redact(property.Value, writer, names);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    changed |= Redact(item, writer, names);
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
