using System.Reflection;
using System.Text.RegularExpressions;
using Conformance.Harness.Reporting;
using Conformance.VerdictTruth.Support;

namespace Conformance.VerdictTruth.Reports;

/// <summary>
/// Every test of the built suite gets a title that reads as a sentence, loses nothing of its method name, and keeps
/// the errcodes and JSON fields the name spells with underscores.
/// </summary>
public sealed partial class SuiteTestTitleTests
{
    private static readonly string[] TestAttributes = ["TestAttribute", "TestCaseAttribute", "TestCaseSourceAttribute"];
    private static IReadOnlyList<string> _methods = [];

    [OneTimeSetUp]
    public static void ReadTheSuitesTestMethods()
    {
        var context = new SuiteLoadContext(RepositoryLayout.SuiteAssembly);
        try
        {
            _methods = [.. context.LoadFromAssemblyPath(RepositoryLayout.SuiteAssembly).GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Where(m => m.GetCustomAttributesData().Any(a => TestAttributes.Contains(a.AttributeType.Name)))
                .Select(m => m.Name)
                .Distinct()
                .Order(StringComparer.Ordinal)];
        }
        finally
        {
            context.Unload();
        }
    }

    [Test]
    public void Every_title_gives_back_its_method_name_so_nothing_was_dropped_or_made_up()
    {
        _methods.Should().HaveCountGreaterThan(90, "the suite has that many test methods");

        _methods.Where(m => MethodNameOf(TestTitle.Sentence(m), m) != m).Select(m => $"{m} -> {TestTitle.Sentence(m)}")
            .Should().BeEmpty();
        _methods.Select(TestTitle.Sentence).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void Every_underscore_left_in_a_title_is_inside_an_errcode_or_a_listed_field()
    {
        var stray = _methods.Select(TestTitle.Sentence)
            .SelectMany(title => title.Split(' ').Where(w => w.Contains('_', StringComparison.Ordinal)).Select(w => (Title: title, Word: w)))
            .Where(t => !ErrCode().IsMatch(t.Word) && !TestTitle.MatrixNames.Contains(t.Word))
            .Select(t => $"{t.Word} in: {t.Title}");

        stray.Should().BeEmpty("an underscore between two words of a sentence is a space");
    }

    [Test]
    public void Every_errcode_a_method_name_spells_stands_whole_in_its_title()
    {
        var broken = _methods
            .SelectMany(m => ErrCodeInName().Matches(m).Select(e => (Method: m, ErrCode: e.Value)))
            .Where(t => !TestTitle.Sentence(t.Method).Split(' ').Contains(t.ErrCode))
            .Select(t => $"{t.ErrCode} in: {TestTitle.Sentence(t.Method)}");

        _methods.Count(m => ErrCodeInName().IsMatch(m)).Should().BeGreaterThan(20, "many tests name the errcode they expect");
        broken.Should().BeEmpty();
    }

    /// <summary>The title read back: spellings undone, spaces to underscores, the capital a field at the start lost.</summary>
    private static string MethodNameOf(string title, string method)
    {
        var name = string.Join('_', title.Split(' ').Select(w => TestTitle.Spellings.FirstOrDefault(s => s.Value == w).Key ?? w));
        return char.IsUpper(method[0]) && char.IsLower(name[0]) ? char.ToUpperInvariant(name[0]) + name[1..] : name;
    }

    [GeneratedRegex("^M(_[A-Z0-9]{2,})+$")]
    private static partial Regex ErrCode();

    /// <summary>An errcode between underscores (or the name's ends); a capitalised word after it ends it.</summary>
    [GeneratedRegex("(?<=^|_)M(_[A-Z0-9]{2,})+(?=$|_)")]
    private static partial Regex ErrCodeInName();
}
