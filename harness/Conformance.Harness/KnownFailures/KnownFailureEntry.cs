namespace Conformance.Harness.KnownFailures;

/// <summary>One line of a known-failures file: a requirement id or a test name.</summary>
/// <param name="Text">The entry as written, trimmed, comment removed.</param>
/// <param name="Line">Its line number in the file, for messages that point back to it.</param>
/// <param name="IsRequirement">Whether it names a requirement (all its tests) rather than one test.</param>
public sealed record KnownFailureEntry(string Text, int Line, bool IsRequirement);
