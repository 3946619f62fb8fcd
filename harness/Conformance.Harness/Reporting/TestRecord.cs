using Conformance.Harness.Accounts;
using Conformance.Harness.Client;
using Conformance.Harness.KnownFailures;
using Conformance.Harness.Requirements;

namespace Conformance.Harness.Reporting;

/// <summary>What one finished test case left behind, in the terms the reports need.</summary>
/// <param name="ClassName">The fixture's full class name.</param>
/// <param name="MethodName">The test method.</param>
/// <param name="Name">The case's display name, parameters included.</param>
/// <param name="Arguments">The case's arguments as displayed (empty for a plain test).</param>
/// <param name="Verdict">How it ended.</param>
/// <param name="Message">The failure or Inconclusive message (already free of secrets: exchanges are redacted).</param>
/// <param name="Trace">The stack trace, for failures.</param>
/// <param name="Requirement">The requirement it checks, or null.</param>
/// <param name="Start">When it started.</param>
/// <param name="Stop">When it ended.</param>
/// <param name="Exchanges">Every HTTP exchange it made, redacted.</param>
/// <param name="Known">What the run's known-failures list made of it.</param>
public sealed record TestRecord(
    string ClassName,
    string MethodName,
    string Name,
    string Arguments,
    Verdict Verdict,
    string? Message,
    string? Trace,
    Requirement? Requirement,
    DateTimeOffset Start,
    DateTimeOffset Stop,
    IReadOnlyCollection<Exchange> Exchanges,
    KnownFailureOutcome Known = KnownFailureOutcome.None)
{
    /// <summary>The case as a sentence, arguments kept as displayed: what the Allure report and the summary show.</summary>
    public string Title => TestTitle.Of(Name);

    /// <summary>The bash script of curl commands reproducing a failure (no secret in it), or null.</summary>
    public string? Reproduction { get; init; }

    /// <summary>Where the accounts it stood on came from, when not from the suite's own registrations (a given account, the application service's users).</summary>
    public IReadOnlyCollection<AccountOrigin> AccountOrigins { get; init; } = [];

    /// <summary>The class name without its namespace.</summary>
    public string ShortClassName => ClassName[(ClassName.LastIndexOf('.') + 1)..];
}
