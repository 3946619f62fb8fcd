using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Harness.Client;

namespace Conformance.Harness.Assertions.Matching;

/// <summary>Checks of one field of a JSON object: of a response's body, or of a JSON value such as an entry of an array.</summary>
/// <typeparam name="T">What holds the object: a <see cref="MatrixResponse"/> or a <see cref="JsonNode"/>.</typeparam>
/// <remarks>A secret field's string value is shown as redacted: messages go to logs and reports.</remarks>
public sealed class FieldMatchers<T>
{
    private readonly string _name;
    private readonly Func<T, JsonObject?> _objectOf;
    private readonly Func<T, bool> _unreadable;

    /// <param name="name">The field's name.</param>
    /// <param name="objectOf">The object that holds the field, or null when there is none.</param>
    /// <param name="unreadable">Whether there was a body that could not be read, so that the field's absence proves nothing.</param>
    internal FieldMatchers(string name, Func<T, JsonObject?> objectOf, Func<T, bool> unreadable)
    {
        _name = name;
        _objectOf = objectOf;
        _unreadable = unreadable;
    }

    /// <summary>The field is there, whatever its value.</summary>
    public Matcher<T> IsPresent() => new($"a \"{_name}\" field", s => IsThere(s) ? null : "it is absent");

    /// <summary>The field is not there.</summary>
    public Matcher<T> IsAbsent() =>
        new($"no \"{_name}\" field", s => IsThere(s) || _unreadable(s) ? UnlessUnreadable(s, Found(s)) : null);

    /// <summary>A string, any string.</summary>
    public Matcher<T> IsString() => new($"a string \"{_name}\"", s => StringOf(s) is null ? Found(s) : null);

    /// <summary>A string, not empty.</summary>
    public Matcher<T> IsNonEmptyString() => new($"a non-empty string \"{_name}\"", s => string.IsNullOrEmpty(StringOf(s)) ? Found(s) : null);

    /// <summary>Exactly the string <paramref name="expected"/>.</summary>
    public Matcher<T> Is(string expected) =>
        new($"\"{_name}\" to be \"{Shown(expected)}\"", s => StringOf(s) switch
        {
            null => Found(s),
            var actual when actual == expected => null,
            var actual => $"it is \"{Shown(actual)}\"",
        });

    /// <summary>A string that <paramref name="predicate"/> accepts, as <paramref name="expectation"/> says.</summary>
    public Matcher<T> IsStringWhere(string expectation, Func<string, bool> predicate) =>
        new(expectation, s => StringOf(s) is { } actual && predicate(actual) ? null : Found(s));

    /// <summary>Anything but the string <paramref name="unexpected"/>; absent counts as not equal.</summary>
    public Matcher<T> IsNot(string unexpected) =>
        new($"\"{_name}\" not to be \"{Shown(unexpected)}\"", s => StringOf(s) == unexpected || _unreadable(s) ? UnlessUnreadable(s, "it is") : null);

    /// <summary>Exactly the boolean <paramref name="expected"/>.</summary>
    public Matcher<T> Is(bool expected) =>
        new($"\"{_name}\" to be {(expected ? "true" : "false")}", s => KindOf(s) == (expected ? JsonValueKind.True : JsonValueKind.False) ? null : Found(s));

    /// <summary>Absent, JSON null, or false: anything that does not say true.</summary>
    public Matcher<T> IsAbsentOrFalse() =>
        new($"\"{_name}\" to be absent or false", s => (KindOf(s) is { } kind && kind != JsonValueKind.False) || _unreadable(s) ? UnlessUnreadable(s, Found(s)) : null);

    /// <summary>A JSON integer (a number with no fraction).</summary>
    public Matcher<T> IsInteger() =>
        new($"\"{_name}\" to be an integer", s => ValueOf(s) is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out _) ? null : Found(s));

    /// <summary>An array, possibly empty.</summary>
    public Matcher<T> IsArray() => new($"a \"{_name}\" array", s => ValueOf(s) is JsonArray ? null : Found(s));

    /// <summary>An array with at least one entry.</summary>
    public Matcher<T> IsNonEmptyArray() => new($"a non-empty \"{_name}\" array", s => ValueOf(s) is JsonArray { Count: > 0 } ? null : Found(s));

    /// <summary>An array whose every entry is a string.</summary>
    public Matcher<T> IsArrayOfStrings() =>
        new($"a \"{_name}\" array of strings", s => ValueOf(s) is JsonArray array && array.All(e => e?.GetValueKind() == JsonValueKind.String) ? null : Found(s));

    /// <summary>An array that lists every one of <paramref name="values"/> as a string, among any others.</summary>
    public Matcher<T> Lists(params string[] values) =>
        new($"a \"{_name}\" array listing {string.Join(" and ", values.Select(v => $"\"{v}\""))}", s => ValueOf(s) is JsonArray array
            && values.All(v => array.Any(e => e?.GetValueKind() == JsonValueKind.String && e.GetValue<string>() == v)) ? null : Found(s));

    /// <summary>An array whose every entry (a <paramref name="entry"/>) passes <paramref name="check"/>; a failure shows the first that does not.</summary>
    public Matcher<T> Every(string entry, Matcher<JsonNode?> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new($"every {entry} to have {check.Expectation}", s => ValueOf(s) is not JsonArray array
            ? Found(s)
            : array.Where(e => check.Match(e) is not null).Select(e => $"one {entry} is {e?.ToJsonString() ?? "null"}").FirstOrDefault());
    }

    /// <summary><paramref name="check"/> of this field, when the field is there at all.</summary>
    public Matcher<T> IfPresent(Func<FieldMatchers<T>, Matcher<T>> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var then = check(this);
        return Matchers.When(IsPresent(), then).Expecting($"{then.Expectation} when present");
    }

    /// <summary>The field's value as messages show it: <c>absent</c>, <c>null</c>, its JSON, or a secret string redacted.</summary>
    public string Describe(T subject) => !IsThere(subject) ? "absent" : ValueOf(subject) switch
    {
        null => "null",
        JsonValue value when value.GetValueKind() == JsonValueKind.String && SecretRedaction.IsSecretName(_name) => $"\"{SecretRedaction.Marker}\" (a string)",
        var node => node.ToJsonString(),
    };

    private string Found(T subject) => $"\"{_name}\" is {Describe(subject)}";

    // A body that cannot be read is no evidence that a field is absent; checks for absence fail on it, saying so.
    private string UnlessUnreadable(T subject, string actual) => _unreadable(subject) ? "the body cannot be read" : actual;

    private string Shown(string value) => SecretRedaction.IsSecretName(_name) ? SecretRedaction.Marker : value;

    private bool IsThere(T subject) => _objectOf(subject)?.ContainsKey(_name) ?? false;

    private JsonNode? ValueOf(T subject) => _objectOf(subject)?[_name];

    private JsonValueKind? KindOf(T subject) => ValueOf(subject)?.GetValueKind();

    private string? StringOf(T subject) =>
        ValueOf(subject) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
