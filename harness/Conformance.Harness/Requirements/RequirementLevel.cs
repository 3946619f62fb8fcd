namespace Conformance.Harness.Requirements;

/// <summary>How binding a requirement is (RFC 2119 keywords as the spec uses them).</summary>
public enum RequirementLevel
{
    /// <summary>MUST, or a field or status the API schema requires (as binding as MUST). A violation fails.</summary>
    Must,

    /// <summary>SHOULD. A violation fails, marked SHOULD so it can be filtered out.</summary>
    Should,

    /// <summary>MAY. Only what follows from taking the option is checked.</summary>
    May,
}
