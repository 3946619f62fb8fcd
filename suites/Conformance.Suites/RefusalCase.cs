namespace Conformance.Suites;

/// <summary>
/// One request a rule says must be refused, sent once per run, and the refusals the spec names for it: the rule's
/// status test and its errcode test (often at another level) read the same answer, case by case.
/// </summary>
/// <param name="Name">The case as the test shows it.</param>
/// <param name="Answer">The answer, from a step the run shares.</param>
/// <param name="Allowed">The status and errcode pairs the spec names for the refusal.</param>
public sealed record RefusalCase(string Name, Func<MatrixClient, Task<MatrixResponse>> Answer, params (int Status, string ErrCode)[] Allowed)
{
    /// <summary>The errcodes the spec names for the refusal.</summary>
    public string[] ErrCodes => [.. Allowed.Select(a => a.ErrCode).Distinct(StringComparer.Ordinal)];

    /// <summary>The case as NUnit data, named for the report.</summary>
    public TestCaseData ToTestCase() => new TestCaseData(this).SetArgDisplayNames(Name);

    /// <summary>Its answer as a step shared by the run: sent by the first test that asks.</summary>
    public static RefusalCase Shared(string name, OncePerRun<MatrixResponse> step, params (int Status, string ErrCode)[] allowed) =>
        new(name, client => client.OnceAsync(step), allowed);
}
