namespace Conformance.VerdictTruth.Support;

/// <summary>The real Allure 3 command line, as pinned in <c>reports/package.json</c> (installed by <c>npm ci --prefix reports</c>).</summary>
public static class AllureCommandLine
{
    private static string Executable => Path.Combine(RepositoryLayout.Root, "reports", "node_modules", ".bin", "allure");

    /// <summary>The report configuration a maintainer's <c>npm --prefix reports run report</c> uses.</summary>
    private static string Config => Path.Combine(RepositoryLayout.Root, "reports", "allurerc.mjs");

    /// <summary>Runs <c>allure COMMAND ARGS --config reports/allurerc.mjs</c> in <paramref name="workingDirectory"/>.</summary>
    public static Task<string> RunAsync(string workingDirectory, string command, params string[] args)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: run `npm ci --prefix reports` first.");
        }

        return ExternalTool.RunCheckedAsync(Executable, workingDirectory, TimeSpan.FromMinutes(2), [command, .. args, "--config", Config]);
    }
}
