using System.Net;
using System.Text.RegularExpressions;

namespace Conformance.VerdictTruth.Support;

/// <summary>Debian's Chromium, headless, with a fresh profile per call: what a page shows once its scripts ran, and screenshots.</summary>
public static partial class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private const int RenderAttempts = 3;

    /// <summary>
    /// The visible text of <paramref name="url"/> after its scripts have run (scripts and styles left out), once it
    /// shows <paramref name="renderedWhen"/>, or as it stands after a few tries.
    /// </summary>
    public static async Task<string> TextOfAsync(Uri url, string renderedWhen)
    {
        ArgumentNullException.ThrowIfNull(renderedWhen);
        var text = string.Empty;
        // The report is a single-page app that builds the page after loading; on a busy machine the DOM can be dumped
        // before it has. A page whose marker is missing is looked at again, a few times, before its text is judged.
        for (var attempt = 0; attempt < RenderAttempts && !text.Contains(renderedWhen, StringComparison.Ordinal); attempt++)
        {
            var dom = await RunAsync("--dump-dom", url);
            var withoutCode = ScriptsAndStyles().Replace(dom, " ");
            text = WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(withoutCode, " "), " "));
        }

        return text;
    }

    public static Task ScreenshotAsync(Uri url, string path) => RunAsync($"--screenshot={path}", url, "--window-size=1440,1100");

    private static async Task<string> RunAsync(string action, Uri url, params string[] extra)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's chromium (apt-get install chromium).");
        }

        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            string[] args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}", "--virtual-time-budget=10000",
                .. extra, action, url.AbsoluteUri,
            ];
            return await ExternalTool.RunCheckedAsync(Executable, profile.FullName, Limit, args);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptsAndStyles();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
