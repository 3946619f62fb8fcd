using System.Collections.Concurrent;
using Conformance.Harness.Requirements;

namespace Conformance.Harness.KnownFailures;

/// <summary>
/// The requirements and tests a server is known to fail, read from a file: one requirement id or test name per line,
/// <c>#</c> starts a comment. A test name may be the full name, <c>Class.Method</c>, or the method alone, with or
/// without a case's arguments.
/// </summary>
public sealed class KnownFailureList
{
    private readonly IReadOnlyList<KnownFailureEntry> _entries;
    /// <summary>Per entry matched so far: whether any of its tests failed.</summary>
    private readonly ConcurrentDictionary<KnownFailureEntry, bool> _anyFailed = new();

    private KnownFailureList(string source, IReadOnlyList<KnownFailureEntry> entries)
    {
        Source = source;
        _entries = entries;
    }

    /// <summary>The list with no entries: every failure is unexpected.</summary>
    public static KnownFailureList Empty { get; } = new("(none)", []);

    /// <summary>Where the list came from.</summary>
    public string Source { get; }

    /// <summary>How many entries it has.</summary>
    public int Count => _entries.Count;

    /// <summary>Entries no test of the run has matched so far: stale, misspelt, or filtered out of the run.</summary>
    public IEnumerable<KnownFailureEntry> Unmatched => _entries.Where(e => !_anyFailed.ContainsKey(e));

    /// <summary>
    /// Requirement entries whose tests all passed or were Inconclusive, at least one passing: the server now keeps the
    /// rule. Only known once the run is over, since a requirement may have several tests.
    /// </summary>
    public IEnumerable<KnownFailureEntry> FixedRequirements => _entries.Where(e => e.IsRequirement && _anyFailed.TryGetValue(e, out var failed) && !failed);

    /// <summary>Reads the list at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The file is missing, or names a requirement id the catalogue lacks.</exception>
    public static KnownFailureList Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"The known-failures file '{path}' does not exist.");
        }

        return Parse(path, File.ReadAllLines(path));
    }

    /// <summary>Reads a list from its lines; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="ArgumentException">An entry looks like a requirement id but the catalogue lacks it.</exception>
    public static KnownFailureList Parse(string source, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var entries = new List<KnownFailureEntry>();
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Split('#', 2)[0].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            // A typo in an id would silently list nothing, and the failure it meant would turn the run red for a
            // reason nobody sees in the file. Refuse it up front instead.
            var isRequirement = RequirementCatalogue.Requirements.Any(r => r.Id == text);
            if (LooksLikeRequirementId(text) && !isRequirement)
            {
                throw new ArgumentException($"{source} line {i + 1}: '{text}' is not a requirement id of this suite.");
            }

            entries.Add(new KnownFailureEntry(text, i + 1, isRequirement));
        }

        return new KnownFailureList(source, entries);
    }

    /// <summary>The entry listing a test, or null when the test is not listed; a test-name entry wins over a requirement entry.</summary>
    /// <param name="requirementId">The requirement the test checks, if any.</param>
    /// <param name="caseName">The case's full name, arguments included.</param>
    /// <param name="methodName">The test method's full name (namespace, class, method).</param>
    public KnownFailureEntry? Find(string? requirementId, string caseName, string methodName) =>
        _entries.FirstOrDefault(e => !e.IsRequirement && (Names(e.Text, caseName) || Names(e.Text, methodName)))
        ?? _entries.FirstOrDefault(e => e.IsRequirement && e.Text == requirementId);

    /// <summary>Notes how a test that <paramref name="entry"/> lists ended: passed (or Inconclusive) or failed.</summary>
    public void Observe(KnownFailureEntry entry, bool failed) =>
        _anyFailed.AddOrUpdate(entry, failed, (_, before) => before || failed);

    private static bool Names(string entry, string fullName) =>
        fullName == entry || fullName.EndsWith("." + entry, StringComparison.Ordinal);

    private static bool LooksLikeRequirementId(string text) =>
        text.Contains('-', StringComparison.Ordinal) && text.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-');
}
