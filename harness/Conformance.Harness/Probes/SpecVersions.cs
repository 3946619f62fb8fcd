using System.Globalization;

namespace Conformance.Harness.Probes;

/// <summary>Orders spec version strings: r0.x.y before v1.1, v1.1 before v1.10.</summary>
public static class SpecVersions
{
    /// <summary>A sortable key for a version string, or null when it is not one (e.g. an unstable feature name).</summary>
    public static (int Major, int Minor, int Patch)? Key(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Length < 2 || version[0] is not ('r' or 'v'))
        {
            return null;
        }

        var parts = version[1..].Split('.');
        var numbers = new int[3];
        for (var i = 0; i < parts.Length && i < 3; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        // r0.x.y are the pre-1.0 releases: major 0.
        return (numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>Whether any advertised version is <paramref name="since"/> or newer.</summary>
    public static bool AnyAtLeast(IEnumerable<string> advertised, string since)
    {
        var wanted = Key(since) ?? throw new ArgumentException($"'{since}' is not a spec version", nameof(since));
        return advertised.Select(Key).Any(k => k is { } key && key.CompareTo(wanted) >= 0);
    }
}
