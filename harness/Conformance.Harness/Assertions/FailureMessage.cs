using System.Text;
using Conformance.Harness.Client;
using Conformance.Harness.Requirements;

namespace Conformance.Harness.Assertions;

/// <summary>Composes failure messages that stand alone in a CI log: what was expected, the rule and the spec's words, and the exchange.</summary>
public static class FailureMessage
{
    /// <summary>
    /// "Expected …, but …", then the requirement of the running test (id, level, our rule, the spec's own sentences the
    /// check rests on, link), then the exchange.
    /// </summary>
    public static string Compose(string expectation, string actual, params IEnumerable<Exchange> exchanges)
    {
        var text = new StringBuilder();
        text.Append("Expected ").Append(expectation).Append(", but ").Append(actual).AppendLine(".");
        if (RequirementProperties.OfCurrentTest() is { } requirement)
        {
            text.AppendLine(requirement.Describe());
        }

        foreach (var exchange in exchanges)
        {
            text.Append(exchange.Describe());
        }

        return text.ToString();
    }
}
