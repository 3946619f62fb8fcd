namespace Conformance.Harness.Requirements;

/// <summary>What a requirement's level rests on; reports name the second (<c>MUST, API schema</c>).</summary>
public enum RequirementBasis
{
    /// <summary>A sentence of the spec with the RFC 2119 keyword of its level: "servers MUST ...".</summary>
    Keyword,

    /// <summary>
    /// The API as the spec defines it, with no keyword: a required field, a documented status or error, or behaviour
    /// the spec states as fact. As binding as MUST.
    /// </summary>
    ApiSchema,
}
