using System.Text.Json.Serialization;

namespace Conformance.VerdictTruth.Support;

/// <summary>One test's verdict from a run of the suite.</summary>
/// <param name="Name">The test's full name, parameters included.</param>
/// <param name="Status">NUnit's status: Passed, Failed, Inconclusive or Skipped.</param>
/// <param name="Requirement">The requirement id the test names.</param>
/// <param name="Message">The failure or inconclusive message, if any.</param>
/// <param name="Level">The level the test checks (MUST, SHOULD or MAY).</param>
public sealed record SuiteOutcome(string Name, string Status, string? Requirement, string? Message, string? Level = null)
{
    /// <summary>Whether the test went red (an assertion failed or the test threw).</summary>
    [JsonIgnore]
    public bool Failed => Status == "Failed";

    /// <summary>The name without its namespace: <c>GuestTests.Guest_registration_ignores_username</c>, parameters kept.</summary>
    [JsonIgnore]
    public string ShortName
    {
        get
        {
            var paren = Name.IndexOf('(', StringComparison.Ordinal);
            var method = paren < 0 ? Name : Name[..paren];
            return string.Join('.', method.Split('.')[^2..]) + (paren < 0 ? string.Empty : Name[paren..]);
        }
    }
}
