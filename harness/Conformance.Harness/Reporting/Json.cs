using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Harness.Reporting;

/// <summary>Reads recorded bodies, which may be anything a server sent.</summary>
internal static class Json
{
    /// <summary>The body as JSON, or null when it is not JSON.</summary>
    public static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
