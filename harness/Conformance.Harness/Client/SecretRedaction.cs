using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Harness.Client;

/// <summary>Removes secrets from what is recorded: JSON fields, headers and query parameters that carry them.</summary>
public static class SecretRedaction
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Marker = "<redacted>";

    private static readonly HashSet<string> SecretFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "new_password", "access_token", "refresh_token", "login_token", "token", "guest_access_token",
    };

    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Every value redacted so far, kept in memory only: checks of the run's outputs grep for them.
    private static readonly ConcurrentDictionary<string, byte> Redacted = new(StringComparer.Ordinal);

    /// <summary>Every secret value this process has redacted (never written anywhere).</summary>
    public static IReadOnlyCollection<string> RedactedValues => [.. Redacted.Keys];

    /// <summary>Whether a JSON field, header or query parameter of this name carries a secret.</summary>
    public static bool IsSecretName(string name) =>
        SecretFields.Contains(name) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);

    /// <summary>A JSON text with every secret field's value replaced; other text is returned unchanged.</summary>
    public static string RedactBody(string text)
    {
        // Most bodies name no secret field: skip parsing them (the harness does this for every request and response).
        if (text.Length == 0 || (text[0] != '{' && text[0] != '[') || !SecretFields.Any(f => text.Contains($"\"{f}\"", StringComparison.OrdinalIgnoreCase)))
        {
            return text;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return text;
        }

        return node is not null && Redact(node) ? node.ToJsonString(Output) : text;
    }

    /// <summary>A header value, redacted when the header carries a secret.</summary>
    public static string RedactHeader(string name, string value)
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
    public static string RedactQueryValue(string name, string value)
    {
        if (!IsSecretName(name))
        {
            return value;
        }

        Remember(Uri.UnescapeDataString(value));
        return Marker;
    }

    private static void Remember(string secret)
    {
        if (secret.Length > 0 && secret != Marker)
        {
            Redacted.TryAdd(secret, 0);
        }
    }

    private static bool Redact(JsonNode node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    // Only strings carry secrets: `"refresh_token": true` in a request asks for one and must stay readable.
                    if (IsSecretName(name) && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        Remember(value.ToString());
                        obj[name] = Marker;
                        changed = true;
                    }
                    else if (obj[name] is { } child)
                    {
                        changed |= Redact(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    changed |= Redact(item);
                }

                break;
        }

        return changed;
    }
}
