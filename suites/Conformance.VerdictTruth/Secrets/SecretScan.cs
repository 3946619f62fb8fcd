namespace Conformance.VerdictTruth.Secrets;

/// <summary>Looks for secret values in what a run printed and wrote; a finding names the place, never the secret.</summary>
public static class SecretScan
{
    /// <summary>
    /// Where any of <paramref name="secrets"/> appears: in <paramref name="printed"/> (as "printed output") or in a
    /// file under <paramref name="folder"/> (by its path relative to it).
    /// </summary>
    public static IReadOnlyList<string> Find(IReadOnlyCollection<string> secrets, IEnumerable<string> printed, DirectoryInfo? folder)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(printed);
        var sources = printed.Select(text => ("printed output", text));
        if (folder is { Exists: true })
        {
            sources = sources.Concat(folder.EnumerateFiles("*", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(folder.FullName, f.FullName), File.ReadAllText(f.FullName))));
        }

        return [.. sources
            .Where(source => secrets.Any(secret => source.Item2.Contains(secret, StringComparison.Ordinal)))
            .Select(source => source.Item1)
            .Distinct()];
    }
}
