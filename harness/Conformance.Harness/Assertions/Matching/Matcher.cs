namespace Conformance.Harness.Assertions.Matching;

/// <summary>
/// A check of one <typeparamref name="T"/> that knows nothing of tests: it answers null, or a <see cref="Mismatch"/>
/// saying what was wanted and what was found.
/// </summary>
/// <typeparam name="T">What is checked: a response, a JSON value, an account, a registration's outcome.</typeparam>
public sealed class Matcher<T>
{
    private readonly Func<T, Mismatch?> _match;

    /// <summary>A check that wants <paramref name="expectation"/> and finds what <paramref name="foundInstead"/> says.</summary>
    /// <param name="expectation">What is wanted, in words that complete "Expected …".</param>
    /// <param name="foundInstead">What was found instead, in words that complete "but …"; null when the check passes.</param>
    public Matcher(string expectation, Func<T, string?> foundInstead)
        : this(expectation, subject => foundInstead(subject) is { } actual ? new Mismatch(expectation, actual) : null)
    {
    }

    // Compositions pass on the mismatch of the part that failed, whose expectation is the one a reader needs.
    internal Matcher(string expectation, Func<T, Mismatch?> match)
    {
        Expectation = expectation;
        _match = match;
    }

    /// <summary>What the check wants, in words that complete "Expected …".</summary>
    public string Expectation { get; }

    /// <summary>Null when <paramref name="subject"/> passes, else what was wanted and what was found.</summary>
    public Mismatch? Match(T subject) => _match(subject);

    /// <summary>The same check, saying it wants <paramref name="expectation"/>; what it found is told as before.</summary>
    public Matcher<T> Expecting(string expectation) =>
        new(expectation, subject => Match(subject) is { } mismatch ? mismatch with { Expected = expectation } : null);

    /// <summary>The same check, told as a whole: it wants <paramref name="expectation"/> and found what <paramref name="actual"/> says.</summary>
    public Matcher<T> Expecting(string expectation, Func<T, string> actual) =>
        new(expectation, subject => Match(subject) is null ? null : new Mismatch(expectation, actual(subject)));
}
