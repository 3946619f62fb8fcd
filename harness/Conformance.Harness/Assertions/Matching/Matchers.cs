namespace Conformance.Harness.Assertions.Matching;

/// <summary>Ways to compose matchers into one; each composition still says what it wanted in words of its own.</summary>
public static class Matchers
{
    /// <summary>Every one of <paramref name="matchers"/>, checked in order; the first that fails says why.</summary>
    /// <remarks>Later matchers may rely on earlier ones: none runs after a failure.</remarks>
    public static Matcher<T> All<T>(params Matcher<T>[] matchers) =>
        new(string.Join(" and ", matchers.Select(m => m.Expectation)), subject =>
            matchers.Select(m => m.Match(subject)).FirstOrDefault(mismatch => mismatch is not null));

    /// <summary>At least one of <paramref name="matchers"/>; when none passes, what each found.</summary>
    public static Matcher<T> AnyOf<T>(params Matcher<T>[] matchers)
    {
        var expectation = string.Join(", or ", matchers.Select(m => m.Expectation));
        return new(expectation, subject =>
        {
            var found = new List<string>();
            foreach (var matcher in matchers)
            {
                if (matcher.Match(subject) is not { } mismatch)
                {
                    return null;
                }

                found.Add(mismatch.Actual);
            }

            return new Mismatch(expectation, string.Join("; ", found.Distinct()));
        });
    }

    /// <summary>The opposite of <paramref name="matcher"/>.</summary>
    public static Matcher<T> Not<T>(Matcher<T> matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        return new($"not {matcher.Expectation}", subject => matcher.Match(subject) is null ? "it is so" : null);
    }

    /// <summary><paramref name="then"/>, where <paramref name="condition"/> holds; anything passes where it does not.</summary>
    public static Matcher<T> When<T>(Matcher<T> condition, Matcher<T> then)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(then);
        return new($"{then.Expectation} when {condition.Expectation}", subject => condition.Match(subject) is null ? then.Match(subject) : null);
    }
}
