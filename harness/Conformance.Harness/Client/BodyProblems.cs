using System.Text.Json;
using System.Text.Unicode;

namespace Conformance.Harness.Client;

/// <summary>
/// The one place that decides whether a response body can be read as JSON, and if not, says why in words a server
/// maintainer recognises ("repeats the key \"errcode\""), instead of a parser's exception reaching a test.
/// </summary>
internal static class BodyProblems
{
    /// <summary>How deep a body may nest: System.Text.Json's default, so whatever passes here also parses.</summary>
    public const int MaxDepth = 64;

    /// <summary>What is wrong with the body, or null when it is empty or well-formed JSON.</summary>
    public static string? Of(CappedBody body, string? mediaType, long? declaredLength)
    {
        if (body.Cut)
        {
            return body.CutDescription(declaredLength);
        }

        if (body.BytesRead == 0)
        {
            return null;
        }

        return Utf8.IsValid(body.Bytes) ? JsonProblem(body.Bytes, mediaType) : "the body is not valid UTF-8";
    }

    private static string? JsonProblem(ReadOnlySpan<byte> body, string? mediaType)
    {
        // The parser's own depth limit is one level further, so the depth check below is the one that speaks.
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        // The keys seen so far in the open object at each depth; a set is cleared and reused by the next object there.
        var keysAtDepth = new List<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth == MaxDepth:
                        return $"the body nests deeper than {MaxDepth} levels";
                    case JsonTokenType.StartObject:
                        // Arrays take depths too, so an object can open more than one level below the last one seen.
                        while (keysAtDepth.Count <= reader.CurrentDepth)
                        {
                            keysAtDepth.Add(new HashSet<string>(StringComparer.Ordinal));
                        }

                        keysAtDepth[reader.CurrentDepth].Clear();
                        break;
                    // A key sits one level below the object that holds it.
                    case JsonTokenType.PropertyName when !keysAtDepth[reader.CurrentDepth - 1].Add(reader.GetString()!):
                        return $"the body repeats the key \"{reader.GetString()}\"";
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return mediaType == "application/json"
                ? "the body is not JSON, though its Content-Type says application/json"
                : $"the body is not JSON (Content-Type {mediaType ?? "absent"}, not application/json)";
        }
    }
}
