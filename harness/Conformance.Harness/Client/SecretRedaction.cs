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

    /// <summary>Whether a JSON field, header or query parameter of this name carries a secret.</summary>
    public static bool IsSecretName(string name) =>
        SecretFields.Contains(name) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);

    /// <summary>A JSON text with every secret field's value replaced; other text is returned unchanged.</summary>
    public static string RedactBody(string text)
    {
        if (text.Length == 0 || (text[0] != '{' && text[0] != '['))
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
    public static string RedactHeader(string name, string value) =>
        !IsSecretName(name) ? value
        : value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? "Bearer " + Marker
        : Marker;

    private static bool Redact(JsonNode node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsSecretName(name) && obj[name] is JsonValue)
                    {
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
