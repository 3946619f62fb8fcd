using Conformance.Harness.Running;

namespace Conformance.VerdictTruth.Support;

/// <summary>Where the built suite and reference server are, found from this assembly's own location.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder holding Conformance.sln.</summary>
    public static string Root { get; } =
        SourceTree.Root?.FullName ?? throw new InvalidOperationException($"No Conformance.sln above {AppContext.BaseDirectory}");

    /// <summary>The build configuration this assembly was built in (Debug or Release).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The suite assembly, built beside this one.</summary>
    public static string SuiteAssembly => Path.Combine(Root, "suites", "Conformance.Suites", "bin", Configuration, "net10.0", "Conformance.Suites.dll");

    /// <summary>The spec table command, built beside this assembly's configuration.</summary>
    public static string SpecTableAssembly => Path.Combine(Root, "reports", "SpecTable", "bin", Configuration, "net10.0", "Conformance.SpecTable.dll");

    /// <summary>The reference homeserver's entry assembly, copied into this assembly's folder.</summary>
    public static string ReferenceServerAssembly => Path.Combine(AppContext.BaseDirectory, "ReferenceHomeserver.dll");
}
