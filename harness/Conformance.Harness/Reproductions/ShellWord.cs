using System.Text;

namespace Conformance.Harness.Reproductions;

/// <summary>
/// One shell word of a reproduction, built from recorded text in which parts are replaced by shell expansions (a
/// secret's variable, a fresh username's run part); rendered with the text single-quoted, so nothing in a recorded
/// body is ever expanded by the shell.
/// </summary>
internal sealed class ShellWord
{
    private readonly List<(string Text, bool IsExpansion)> _pieces;

    /// <summary>A word of <paramref name="text"/> as it is.</summary>
    public ShellWord(string text) => _pieces = [(text, false)];

    /// <summary>Replaces each occurrence of <paramref name="find"/> in the recorded text by the expansion <paramref name="expansion"/> gives for it (null: leave it).</summary>
    public void Replace(string find, Func<string?> expansion)
    {
        ArgumentException.ThrowIfNullOrEmpty(find);
        for (var i = 0; i < _pieces.Count; i++)
        {
            var (text, isExpansion) = _pieces[i];
            var at = isExpansion ? -1 : text.IndexOf(find, StringComparison.Ordinal);
            if (at < 0 || expansion() is not { } replacement)
            {
                continue;
            }

            _pieces[i] = (text[..at], false);
            _pieces.Insert(i + 1, (replacement, true));
            _pieces.Insert(i + 2, (text[(at + find.Length)..], false));
            i++;
        }
    }

    /// <summary>Whether the recorded text left in the word contains <paramref name="text"/>.</summary>
    public bool Contains(string text) => _pieces.Any(p => !p.IsExpansion && p.Text.Contains(text, StringComparison.Ordinal));

    /// <summary>The word for bash: text in single quotes, expansions in double quotes.</summary>
    public override string ToString()
    {
        var word = new StringBuilder();
        foreach (var (text, isExpansion) in _pieces.Where(p => p.Text.Length > 0))
        {
            word.Append(isExpansion ? $"\"{text}\"" : $"'{text.Replace("'", "'\\''", StringComparison.Ordinal)}'");
        }

        return word.Length == 0 ? "''" : word.ToString();
    }
}
