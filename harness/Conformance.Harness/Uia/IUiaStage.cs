using System.Text.Json.Nodes;

namespace Conformance.Harness.Uia;

/// <summary>One UIA stage type the harness can complete.</summary>
public interface IUiaStage
{
    /// <summary>The stage type, e.g. <c>m.login.dummy</c>.</summary>
    string Type { get; }

    /// <summary>The <c>auth</c> object that completes the stage in <paramref name="session"/>.</summary>
    JsonObject Auth(string? session);
}
