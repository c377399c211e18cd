using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Extraction.Finders;

/// <summary>
/// A trie over folded token sequences: the lexicon phrases of a finder, compiled once and matched
/// at a token position without allocating. A phrase is written as in the text and split on spaces;
/// each piece is tokenized like the text ("l'OSDH" → "l'" "osdh"), and two piece forms are special:
/// <c>word*</c> matches any token starting with "word" (inflections: "bombard*"), <c>_</c> matches any one token.
/// A piece written in capitals of up to four letters ("IS", "EI", "UN"), or of up to five letters with two capitals or more
/// ("LeT", "JeM"), is an acronym: it matches only a token written so in the text (when the text is given), so that "IS" does
/// not match "is" nor "LeT" the word "Let".
/// When two rows write the same phrase, the first one wins.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private sealed class Node
    {
        public EdgeMap<Node>? Exact;
        public EdgeMap<Node>? Upper;
        public List<KeyValuePair<string, Node>>? Prefixes;
        public Node? Any;
        public bool HasValue;
        public T Value = default!;
    }

    private readonly Node _root = new();
    /// <summary>The start ids, computed on first use after the last <see cref="Add"/> (documents read it, rows never change then).</summary>
    private HashSet<int>? _starts;
    /// <summary>For each word id, whether it starts a phrase (ids past the end start none); null until first used after the last <see cref="Add"/>.</summary>
    private bool[]? _startsById;

    public int Count { get; private set; }

    public void Add(string phrase, T value)
    {
        _starts = null;
        _startsById = null;
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
                var edges = acronym ? node.Upper ??= new EdgeMap<Node>() : node.Exact ??= new EdgeMap<Node>();
                var id = Vocabulary.Add(t.Folded);
                if (edges.Get(id) is not { } next) edges.Add(id, next = new Node());
                node = next;
                any = true;
            }
        }
        if (!any || node.HasValue) return;
        node.HasValue = true;
        node.Value = value;
        Count++;
    }

    /// <summary>The word ids that can start a phrase, or null when any token can (a phrase starts with "word*" or "_").
    /// Built once and shared: callers only read it.</summary>
    public IReadOnlySet<int>? StartIds()
    {
        if (_root.Prefixes != null || _root.Any != null) return null;
        if (_starts is { } known) return known;
        var set = new HashSet<int>();
        if (_root.Exact != null) set.UnionWith(_root.Exact.Keys);
        if (_root.Upper != null) set.UnionWith(_root.Upper.Keys);
        _starts = set;
        return set;
    }

    private static bool IsAcronym(ReadOnlySpan<char> s)
    {
        if (s.Length is < 2 or > 5) return false;
        var upper = 0;
        foreach (var c in s) if (char.IsUpper(c)) upper++;
        // "IS", "EI", "UN"; and a mixed-case one with two capitals or more, "LeT", "JeM" (not the word "Let")
        return upper == s.Length ? s.Length <= 4 : upper >= 2 && char.IsUpper(s[0]);
    }

    /// <summary>A phrase that ends right before token <paramref name="end"/> and starts at most <paramref name="back"/> tokens
    /// earlier, not before <paramref name="first"/> ("a déclaré à X", "joints par l'AFP").</summary>
    public bool EndsAt(List<Token> tokens, int end, int first, int back)
    {
        for (var b = Math.Max(first, end - back); b < end; b++)
            if (Match(tokens, b, end, out var l, out _) && b + l == end) return true;
        return false;
    }

    /// <summary>
    /// The longest phrase that starts at token <paramref name="start"/> and ends before <paramref name="end"/>.
    /// With <paramref name="text"/>, acronyms match only capitals; without it, they match any case.
    /// </summary>
    public bool Match(List<Token> tokens, int start, int end, out int length, out T value, string? text = null)
    {
        length = 0;
        value = default!;
        if (start >= end) return false;
        return Match(tokens, Vocabulary.IdsOf(tokens), start, end, out length, out value, text);
    }

    private bool Match(List<Token> tokens, int[] ids, int start, int end, out int length, out T value, string? text)
    {
        length = 0;
        value = default!;
        // most tokens start no phrase: reject them without walking (one array read per token)
        if (_root.Prefixes == null && _root.Any == null)
        {
            var starts = _startsById ?? BuildStartsById();
            var id = ids[start];
            if ((uint)id >= (uint)starts.Length || !starts[id]) return false;
        }
        var best = -1;
        T bestValue = default!;
        Walk(_root, tokens, ids, start, end, 0, text, ref best, ref bestValue);
        if (best <= 0) return false;
        length = best;
        value = bestValue;
        return true;
    }

    /// <summary>The first token from <paramref name="i"/> on (before <paramref name="end"/>) whose word may start a phrase (<see cref="Match(List{Token}, int, int, out int, out T, string?)"/>
    /// finds none at the tokens passed over); <paramref name="end"/> when none does. <paramref name="ids"/> are the tokens' word ids (<see cref="Vocabulary.IdsOf"/>).</summary>
    public int NextStart(int[] ids, int i, int end)
    {
        if (_root.Prefixes != null || _root.Any != null) return i;
        var starts = _startsById ?? BuildStartsById();
        while (i < end && ((uint)ids[i] >= (uint)starts.Length || !starts[ids[i]])) i++;
        return i;
    }

    private bool[] BuildStartsById()
    {
        var max = -1;
        foreach (var edges in new[] { _root.Exact, _root.Upper })
            if (edges != null) foreach (var id in edges.Keys) max = Math.Max(max, id);
        var starts = new bool[max + 1];
        foreach (var edges in new[] { _root.Exact, _root.Upper })
            if (edges != null) foreach (var id in edges.Keys) starts[id] = true;
        _startsById = starts;
        return starts;
    }

    private static void Walk(Node node, List<Token> tokens, int[] ids, int pos, int end, int depth, string? text, ref int best, ref T bestValue)
    {
        // a chain of nodes with exact-word edges only (most of a trie) is followed in a loop; a node with other edges branches below
        while (node.Upper == null && node.Prefixes == null && node.Any == null)
        {
            if (node.HasValue && depth > best) { best = depth; bestValue = node.Value; }
            if (pos >= end || ids[pos] < 0 || node.Exact?.Get(ids[pos]) is not { } next) return;
            (node, pos, depth) = (next, pos + 1, depth + 1);
        }
        if (node.HasValue && depth > best) { best = depth; bestValue = node.Value; }
        if (pos >= end) return;
        var id = ids[pos];
        if (id >= 0)
        {
            if (node.Exact?.Get(id) is { } next)
                Walk(next, tokens, ids, pos + 1, end, depth + 1, text, ref best, ref bestValue);
            if (node.Upper?.Get(id) is { } upper && (text == null || IsAcronym(text.AsSpan(tokens[pos].Start, tokens[pos].Span.Length))))
                Walk(upper, tokens, ids, pos + 1, end, depth + 1, text, ref best, ref bestValue);
        }
        if (node.Prefixes != null)
        {
            var folded = tokens[pos].Folded;
            foreach (var p in node.Prefixes)
                if (folded.StartsWith(p.Key, StringComparison.Ordinal))
                    Walk(p.Value, tokens, ids, pos + 1, end, depth + 1, text, ref best, ref bestValue);
        }
        if (node.Any != null && tokens[pos].Kind != TokenKind.Punct)
            Walk(node.Any, tokens, ids, pos + 1, end, depth + 1, text, ref best, ref bestValue);
    }

    /// <summary>Leftmost-longest, non-overlapping matches in the token range [start, end), walked by <c>foreach</c> without
    /// allocating (a struct enumerator; the word ids are read when the walk starts).</summary>
    public Matches FindAll(List<Token> tokens, int start, int end, string? text = null) => new(this, tokens, start, end, text);

    public readonly struct Matches(PhraseMatcher<T> matcher, List<Token> tokens, int start, int end, string? text) : IEnumerable<(int Start, int Length, T Value)>
    {
        public MatchEnumerator GetEnumerator() => new(matcher, tokens, Vocabulary.IdsOf(tokens), start, end, text);
        IEnumerator<(int Start, int Length, T Value)> IEnumerable<(int Start, int Length, T Value)>.GetEnumerator() => GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public struct MatchEnumerator(PhraseMatcher<T> matcher, List<Token> tokens, int[] ids, int start, int end, string? text) : IEnumerator<(int Start, int Length, T Value)>
    {
        readonly object System.Collections.IEnumerator.Current => Current;
        public readonly void Dispose() { }
        public void Reset() => throw new NotSupportedException();

        private int _i = start;

        public (int Start, int Length, T Value) Current { get; private set; }

        public bool MoveNext()
        {
            while (_i < end)
            {
                // tokens that start no phrase are passed over here, without a call per token
                _i = matcher.NextStart(ids, _i, end);
                if (_i >= end) break;
                if (matcher.Match(tokens, ids, _i, end, out var len, out var v, text)) { Current = (_i, len, v); _i += len; return true; }
                _i++;
            }
            return false;
        }
    }
}

/// <summary>The word ids of the lexicons (<see cref="WordIds"/>), as the finders and assemblers name them.</summary>
public static class Vocabulary
{
    public static int Add(string word) => WordIds.Add(word);

    /// <summary>The id of each token (-1 for words no lexicon has).</summary>
    public static int[] IdsOf(IReadOnlyList<Token> tokens) => WordIds.IdsOf(tokens);
}

/// <summary>
/// The edges of a trie node: word id (&gt; 0) to child, in an open-addressing table (Fibonacci hashing, linear probing)
/// that a look-up reads without the generic dictionary's comparer and bucket indirection. Written only while phrases are added.
/// </summary>
internal sealed class EdgeMap<TNode> where TNode : class
{
    /// <summary>A slot: a word id (0 when empty) and its child, side by side, so that a look-up reads one place.</summary>
    private struct Entry
    {
        public int Key;
        public TNode? Value;
    }

    private Entry[] _entries = new Entry[4];
    private int _shift = 30; // 32 - log2(capacity)
    public int Count { get; private set; }

    public IEnumerable<int> Keys
    {
        get
        {
            foreach (var e in _entries) if (e.Key != 0) yield return e.Key;
        }
    }

    public TNode? Get(int id)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var i = (int)(((uint)id * 2654435769u) >> _shift);
        while (true)
        {
            ref var e = ref entries[i];
            if (e.Key == id) return e.Value;
            if (e.Key == 0) return null;
            i = (i + 1) & mask;
        }
    }

    public void Add(int id, TNode value)
    {
        if (id <= 0) throw new ArgumentOutOfRangeException(nameof(id), "word ids are positive");
        if ((Count + 1) * 2 > _entries.Length) Grow();
        Insert(_entries, _shift, id, value);
        Count++;
    }

    private static void Insert(Entry[] entries, int shift, int id, TNode value)
    {
        var mask = entries.Length - 1;
        var i = (int)(((uint)id * 2654435769u) >> shift);
        while (entries[i].Key != 0 && entries[i].Key != id) i = (i + 1) & mask;
        entries[i].Key = id;
        entries[i].Value = value;
    }

    private void Grow()
    {
        var entries = new Entry[_entries.Length * 2];
        var shift = _shift - 1;
        foreach (var e in _entries)
            if (e.Key != 0) Insert(entries, shift, e.Key, e.Value!);
        (_entries, _shift) = (entries, shift);
    }
}
