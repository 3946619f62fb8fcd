namespace Conformance.Harness.Running;

/// <summary>The checkout the running assemblies were built in, when they run from one.</summary>
public static class SourceTree
{
    /// <summary>The folder holding Conformance.sln above the running assembly, or null when there is none.</summary>
    public static DirectoryInfo? Root { get; } = Find();

    private static DirectoryInfo? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir;
            }
        }

        return null;
    }
}
