using Vigie.Text;

namespace Vigie.Extraction.Finders;

/// <summary>
/// A trie over folded token sequences: the lexicon phrases of a finder, compiled once and matched
/// at a token position without allocating. A phrase is written as in the text and split on spaces;
/// each piece is tokenized like the text ("l'OSDH" → "l'" "osdh"), and two piece forms are special:
/// <c>word*</c> matches any token starting with "word" (inflections: "bombard*"), <c>_</c> matches any one token.
/// A piece written in capitals of up to four letters ("IS", "EI", "UN") is an acronym: it matches only a token
/// written in capitals in the text (when the text is given), so that "IS" does not match "is".
/// When two rows write the same phrase, the first one wins.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Exact;
        public Dictionary<string, Node>? Upper;
        public List<KeyValuePair<string, Node>>? Prefixes;
        public Node? Any;
        public bool HasValue;
        public T Value = default!;
    }

    private readonly Node _root = new();

    public int Count { get; private set; }

    public void Add(string phrase, T value)
    {
        var node = _root;
        var any = false;
        foreach (var piece in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (piece == "_") { node = node.Any ??= new Node(); any = true; continue; }
            if (piece.Length > 1 && piece[^1] == '*')
            {
                var prefix = Fold.String(piece.AsSpan(0, piece.Length - 1));
                node.Prefixes ??= [];
                var found = node.Prefixes.FindIndex(p => p.Key == prefix);
                if (found < 0) { node.Prefixes.Add(new(prefix, new Node())); found = node.Prefixes.Count - 1; }
                node = node.Prefixes[found].Value;
                any = true;
                continue;
            }
            // an elided word written alone ("s'", "qu'") is one token, as the tokenizer makes it before a word
            var pieceTokens = piece.Length <= 8 && Tokenizer.IsApostrophe(piece[^1]) && piece.Length > 1
                ? [new Token(new Vigie.Model.TextSpan(0, piece.Length), TokenKind.Word, Fold.String(piece))]
                : Tokenizer.Tokenize(piece);
            foreach (var t in pieceTokens)
            {
                var acronym = IsAcronym(piece.AsSpan(t.Start, t.Span.Length));
                var edges = acronym ? node.Upper ??= new Dictionary<string, Node>(StringComparer.Ordinal) : node.Exact ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (!edges.TryGetValue(t.Folded, out var next)) edges[t.Folded] = next = new Node();
                node = next;
                any = true;
            }
        }
        if (!any || node.HasValue) return;
        node.HasValue = true;
        node.Value = value;
        Count++;
    }

    private static bool IsAcronym(ReadOnlySpan<char> s)
    {
        if (s.Length is < 2 or > 4) return false;
        foreach (var c in s) if (!char.IsUpper(c)) return false;
        return true;
    }

    /// <summary>
    /// The longest phrase that starts at token <paramref name="start"/> and ends before <paramref name="end"/>.
    /// With <paramref name="text"/>, acronyms match only capitals; without it, they match any case.
    /// </summary>
    public bool Match(IReadOnlyList<Token> tokens, int start, int end, out int length, out T value, string? text = null)
    {
        length = 0;
        value = default!;
        if (start >= end) return false;
        var best = -1;
        T bestValue = default!;
        Walk(_root, tokens, start, end, 0, text, ref best, ref bestValue);
        if (best <= 0) return false;
        length = best;
        value = bestValue;
        return true;
    }

    private static void Walk(Node node, IReadOnlyList<Token> tokens, int pos, int end, int depth, string? text, ref int best, ref T bestValue)
    {
        if (node.HasValue && depth > best) { best = depth; bestValue = node.Value; }
        if (pos >= end) return;
        var folded = tokens[pos].Folded;
        if (node.Exact != null && node.Exact.TryGetValue(folded, out var next))
            Walk(next, tokens, pos + 1, end, depth + 1, text, ref best, ref bestValue);
        if (node.Upper != null && node.Upper.TryGetValue(folded, out next) && (text == null || IsAcronym(text.AsSpan(tokens[pos].Start, tokens[pos].Span.Length))))
            Walk(next, tokens, pos + 1, end, depth + 1, text, ref best, ref bestValue);
        if (node.Prefixes != null)
            foreach (var p in node.Prefixes)
                if (folded.StartsWith(p.Key, StringComparison.Ordinal))
                    Walk(p.Value, tokens, pos + 1, end, depth + 1, text, ref best, ref bestValue);
        if (node.Any != null && tokens[pos].Kind != TokenKind.Punct)
            Walk(node.Any, tokens, pos + 1, end, depth + 1, text, ref best, ref bestValue);
    }

    /// <summary>Leftmost-longest, non-overlapping matches in the token range [start, end).</summary>
    public IEnumerable<(int Start, int Length, T Value)> FindAll(IReadOnlyList<Token> tokens, int start, int end, string? text = null)
    {
        var i = start;
        while (i < end)
        {
            if (Match(tokens, i, end, out var len, out var v, text)) { yield return (i, len, v); i += len; }
            else i++;
        }
    }
}
