using System.Text;
using Conformance.Harness.Client;

namespace Conformance.Harness.Assertions;

/// <summary>Composes failure messages that stand alone in a CI log: what was expected, the rule and the spec's words, and the exchange.</summary>
public static class FailureMessage
{
    /// <summary>
    /// "Expected …, but …", then the exchange. The test's requirement (id, level, our rule, the spec's own sentences the
    /// check rests on, link) is put in before the exchange by the test's <see cref="Requirements.RuleInFailureMessageCommand"/>.
    /// </summary>
    public static string Compose(string expectation, string actual, params IEnumerable<Exchange> exchanges)
    {
        var text = new StringBuilder();
        text.Append("Expected ").Append(expectation).Append(", but ").Append(actual).AppendLine(".");
        foreach (var exchange in exchanges)
        {
            text.Append(exchange.Describe());
        }

        return text.ToString();
    }
}
