using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Conformance.Harness.Requirements;

/// <summary>
/// Names the one requirement a test checks. Level, area, spec version and link come from the catalogue and are
/// recorded as NUnit properties (for reports) and categories (for <c>dotnet test --filter</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RequirementAttribute : NUnitAttribute, IApplyToTest
{
    /// <summary>Marks a test as checking the requirement <paramref name="id"/>.</summary>
    public RequirementAttribute(string id)
    {
        Requirement = RequirementCatalogue.Get(id);
    }

    /// <summary>The requirement.</summary>
    public Requirement Requirement { get; }

    /// <inheritdoc />
    public void ApplyToTest(Test test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var properties = test.Properties;
        properties.Set(RequirementProperties.Id, Requirement.Id);
        properties.Set(RequirementProperties.Level, Requirement.LevelName);
        properties.Set(RequirementProperties.Area, Requirement.Area);
        properties.Set(RequirementProperties.Module, Requirement.Module);
        properties.Set(RequirementProperties.SpecVersion, Requirement.Since ?? "v1.1");
        properties.Set(RequirementProperties.SpecLink, Requirement.SpecLink.ToString());
        properties.Set(PropertyNames.Description, Requirement.Rule);
        properties.Add(PropertyNames.Category, Requirement.LevelName);
        properties.Add(PropertyNames.Category, Requirement.Area);
    }
}
