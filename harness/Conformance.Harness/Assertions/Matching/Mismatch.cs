namespace Conformance.Harness.Assertions.Matching;

/// <summary>What a check wanted and what it found instead, each in words that stand alone in a CI log.</summary>
/// <param name="Expected">What was wanted, e.g. <c>"user_id" to be "@b:hs1"</c>.</param>
/// <param name="Actual">What was found instead, e.g. <c>it is "@a:hs1"</c>.</param>
public sealed record Mismatch(string Expected, string Actual);
