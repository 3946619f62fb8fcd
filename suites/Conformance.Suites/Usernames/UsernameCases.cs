namespace Conformance.Suites.Usernames;

/// <summary>Usernames the grammar does not allow as given.</summary>
/// <remarks>
/// The characters are the ones Complement and SyTest check (https://spec.matrix.org/v1.19/appendices/#user-identifiers
/// allows only a-z 0-9 . _ = - / +); capitals are the case servers commonly map by downcasing.
/// </remarks>
public static class UsernameCases
{
    private static readonly string[] RejectedCharacters =
        ["!", "\"", ":", "?", "\\", "@", "[", "]", "{", "|", "}", "£", "é", "\n", "'"];

    public static IEnumerable<TestCaseData> OutsideTheGrammar()
    {
        foreach (var c in RejectedCharacters)
        {
            yield return new TestCaseData("x" + c + "y").SetArgDisplayNames($"U+{(int)c[0]:X4} {(char.IsControl(c[0]) ? "control" : c)}");
        }

        yield return new TestCaseData("-UPPER").SetArgDisplayNames("capitals at the end");
        yield return new TestCaseData("-MiXeD-Case").SetArgDisplayNames("mixed case");
    }

    /// <summary>Every character the grammar allows besides a-z, in groups; '+' alone because it came with v1.8.</summary>
    public static IEnumerable<TestCaseData> InsideTheGrammar()
    {
        yield return new TestCaseData("0123456789", null).SetArgDisplayNames("digits");
        yield return new TestCaseData("._=-/", null).SetArgDisplayNames("punctuation . _ = - /");
        yield return new TestCaseData("+", "v1.8").SetArgDisplayNames("plus");
    }
}
