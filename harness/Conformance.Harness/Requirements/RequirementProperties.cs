using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Conformance.Harness.Requirements;

/// <summary>The NUnit property names the requirement of a test is recorded under.</summary>
public static class RequirementProperties
{
    /// <summary>The requirement id, e.g. <c>REG-IN-USE</c>.</summary>
    public const string Id = "Requirement";

    /// <summary>MUST, SHOULD or MAY.</summary>
    public const string Level = "Level";

    /// <summary>The suite area.</summary>
    public const string Area = "Area";

    /// <summary>The spec module.</summary>
    public const string Module = "SpecModule";

    /// <summary>The first spec version with the rule.</summary>
    public const string SpecVersion = "SpecVersion";

    /// <summary>The link to the spec section.</summary>
    public const string SpecLink = "SpecLink";

    /// <summary>The full text of the one sentence the test pinned, when it pinned one.</summary>
    public const string Quote = "SpecQuote";

    /// <summary>The requirement of the test now running; null outside a requirement test.</summary>
    public static Requirement? OfCurrentTest() => Of(TestExecutionContext.CurrentContext.CurrentTest);

    /// <summary>
    /// The requirement <paramref name="test"/> checks, found on it or on its nearest parent that names one (a
    /// parameterised case carries no properties of its own: its method does); null when none does.
    /// </summary>
    /// <remarks>
    /// A test may check only the weaker part of a rule (<c>[Requirement(id, level)]</c>): the requirement carries the
    /// level it checks. It may rest on one sentence of it (<c>[Requirement(id, Quote = ...)]</c>): that one is pinned.
    /// </remarks>
    public static Requirement? Of(ITest? test)
    {
        for (; test is not null; test = test.Parent)
        {
            if (test.Properties.Get(Id) is string id)
            {
                var requirement = RequirementCatalogue.Get(id);
                if (test.Properties.Get(Level) is string level && Enum.TryParse<RequirementLevel>(level, ignoreCase: true, out var parsed))
                {
                    requirement = requirement with { Level = parsed };
                }

                return test.Properties.Get(Quote) is string quote && requirement.Quotes.FirstOrDefault(q => q.Text == quote) is { } pinned
                    ? requirement with { Pinned = pinned }
                    : requirement;
            }
        }

        return null;
    }
}
