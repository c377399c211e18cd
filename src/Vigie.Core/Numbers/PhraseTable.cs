using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Numbers;

/// <summary>
/// Multi-token phrases ("au moins", "jusqu'à") indexed by their first folded token, matched
/// longest first against a token list. Phrases are tokenized with the same <see cref="Tokenizer"/>
/// as the documents, so elisions and hyphens split the same way.
/// </summary>
public sealed class PhraseTable<T>
{
    private readonly Dictionary<string, List<(string[] Tokens, T Value)>> _byFirst = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public void Add(string phrase, T value)
    {
        // a word ending in an apostrophe ("d'", "plus d'") is one elided token, as in a document
        var tokens = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => Tokenizer.IsApostrophe(w[^1]) ? [Fold.String(w)] : Tokenizer.Tokenize(w).Select(t => t.Folded))
            .ToArray();
        if (tokens.Length == 0) return;
        if (!_byFirst.TryGetValue(tokens[0], out var list)) _byFirst[tokens[0]] = list = [];
        list.Add((tokens, value));
        list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        Count++;
    }

    /// <summary>The folded first tokens of all phrases.</summary>
    public IEnumerable<string> FirstTokens => _byFirst.Keys;

    /// <summary>The longest phrase starting at token <paramref name="i"/>; <paramref name="end"/> is the index after it.</summary>
    public bool TryMatch(List<Token> tokens, int i, out T value, out int end)
    {
        value = default!;
        end = i;
        if (i >= tokens.Count || !_byFirst.TryGetValue(tokens[i].Folded, out var list)) return false;
        foreach (var (phrase, v) in list)
        {
            if (i + phrase.Length > tokens.Count) continue;
            var ok = true;
            for (var k = 1; k < phrase.Length && ok; k++) ok = tokens[i + k].Folded == phrase[k];
            if (!ok) continue;
            value = v;
            end = i + phrase.Length;
            return true;
        }
        return false;
    }

    /// <summary>True when a phrase ends exactly at token <paramref name="end"/> (exclusive).</summary>
    public bool EndsAt(List<Token> tokens, int end, int maxLength = 4)
    {
        for (var start = end - 1; start >= 0 && start >= end - maxLength; start--)
        {
            if (!_byFirst.TryGetValue(tokens[start].Folded, out var list)) continue;
            foreach (var (phrase, _) in list)
            {
                if (start + phrase.Length != end) continue;
                var ok = true;
                for (var k = 1; k < phrase.Length && ok; k++) ok = tokens[start + k].Folded == phrase[k];
                if (ok) return true;
            }
        }
        return false;
    }
}
