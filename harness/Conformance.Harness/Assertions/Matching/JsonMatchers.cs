using System.Text.Json.Nodes;

namespace Conformance.Harness.Assertions.Matching;

/// <summary>Checks of a JSON value inside a body, such as one entry of an array.</summary>
public static class JsonMatchers
{
    /// <summary>Checks of the field <paramref name="name"/> of the value, which passes none of them unless it is an object.</summary>
    public static FieldMatchers<JsonNode?> Field(string name) => new(name, node => node as JsonObject, _ => false);
}
