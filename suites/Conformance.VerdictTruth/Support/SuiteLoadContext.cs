using System.Reflection;
using System.Runtime.Loader;

namespace Conformance.VerdictTruth.Support;

/// <summary>
/// A private, unloadable copy of the built suite and everything it depends on (NUnit, the harness, Flurl), so many
/// runs of the suite can share this process without sharing a static: each has its own run context and probes.
/// </summary>
internal sealed class SuiteLoadContext(string suiteAssembly) : AssemblyLoadContext("conformance-suite", isCollectible: true)
{
    private readonly AssemblyDependencyResolver _resolver = new(suiteAssembly);

    /// <summary>The suite's own dependencies load here; the shared framework (and ASP.NET Core) stays shared.</summary>
    protected override Assembly? Load(AssemblyName assemblyName) =>
        _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
}
