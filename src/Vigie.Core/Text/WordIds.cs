using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Vigie.Text;

/// <summary>
/// Numbers for the folded words of all lexicons, so that matching looks up an int per token instead of hashing
/// its string in every trie. The tokenizer reads a document's ids as it folds its words and keeps them on its
/// <see cref="TokenList"/>, for every matcher; other token lists have theirs counted once per thread and reused
/// (keyed by the list, which never changes after tokenizing).
/// </summary>
public static class WordIds
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static int _next;
    private static int _version;

    /// <summary>The last token list of the thread and its ids: one thread-static read per call.</summary>
    private sealed class Cache
    {
        public IReadOnlyList<Token>? Tokens;
        public int[] Ids = [];
        public int Version;
    }

    [ThreadStatic] private static Cache? t_cache;

    /// <summary>Changes whenever a word is added; ids read at one version stay right until it changes.</summary>
    public static int Version => Volatile.Read(ref _version);

    private static WordTable _table = new(1024);
    private static readonly Lock AddLock = new();

    /// <summary>
    /// The vocabulary to look words up by their folded characters (see <see cref="WordTable"/>): every word added before
    /// the version last read is in it; words are added to it as to the vocabulary.
    /// </summary>
    public static WordTable Table => Volatile.Read(ref _table);

    public static int Add(string word)
    {
        if (Ids.TryGetValue(word, out var known)) return known;
        lock (AddLock)
        {
            if (Ids.TryGetValue(word, out known)) return known;
            var id = ++_next;
            Ids[word] = id;
            var table = _table.Add(word, id);
            if (!ReferenceEquals(table, _table)) Volatile.Write(ref _table, table);
            // the version moves once the word is in both tables: whoever reads a version finds every word added before it
            Interlocked.Increment(ref _version);
            return id;
        }
    }

    /// <summary>The id of each token (-1 for words no lexicon has).</summary>
    public static int[] IdsOf(IReadOnlyList<Token> tokens)
    {
        var version = Volatile.Read(ref _version);
        // the tokenizer's lists keep their ids: no thread-static read, and no recount when finders alternate lists
        if (tokens is TokenList list)
        {
            if (list.Ids is { } known && list.IdsVersion == version && known.Length == list.Count) return known;
            var computed = Compute(CollectionsMarshal.AsSpan(list));
            list.Ids = computed;
            list.IdsVersion = version;
            return computed;
        }
        var cache = t_cache ??= new Cache();
        if (ReferenceEquals(cache.Tokens, tokens) && cache.Version == version && cache.Ids.Length == tokens.Count) return cache.Ids;
        var ids = new int[tokens.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = Ids.TryGetValue(tokens[i].Folded, out var id) ? id : -1;
        cache.Tokens = tokens;
        cache.Ids = ids;
        cache.Version = version;
        return ids;
    }

    private static int[] Compute(ReadOnlySpan<Token> tokens)
    {
        var ids = new int[tokens.Length];
        for (var i = 0; i < ids.Length; i++) ids[i] = Ids.TryGetValue(tokens[i].Folded, out var id) ? id : -1;
        return ids;
    }
}

/// <summary>
/// The words of <see cref="WordIds"/> in an open-addressing table keyed by a hash of their characters (FNV-1a, which
/// the tokenizer computes as it folds a word), so that a word in a buffer is found without making its string first.
/// Words are added under the vocabulary's lock, a key written after its id, so that readers need no lock; a full table
/// is copied into a larger one, which the vocabulary then publishes.
/// </summary>
public sealed class WordTable
{
    public const uint Seed = 2166136261;
    /// <summary>Each slot's hash and id side by side (an id of 0: an empty slot), so that a probe reads one array and
    /// compares a key's characters only when its hash is the word's.</summary>
    private struct Slot
    {
        public uint Hash;
        public int Id;
    }

    private readonly string?[] _keys;
    private readonly Slot[] _slots;
    private readonly int _mask;
    private int _count;

    internal WordTable(int size)
    {
        _keys = new string?[size];
        _slots = new Slot[size];
        _mask = size - 1;
    }

    /// <summary>This table with the word added, or a larger copy with it when this one is half full (the caller holds the lock).</summary>
    internal WordTable Add(string word, int id)
    {
        var table = this;
        if ((_count + 1) * 2 > _keys.Length)
        {
            table = new WordTable(_keys.Length * 2);
            for (var k = 0; k < _keys.Length; k++)
                if (_keys[k] is { } w) table.Insert(w, _slots[k].Hash, _slots[k].Id);
        }
        table.Insert(word, Hash(word), id);
        return table;
    }

    private void Insert(string word, uint hash, int id)
    {
        var i = (int)(hash & (uint)_mask);
        while (_slots[i].Id != 0) i = (i + 1) & _mask;
        _keys[i] = word;
        _slots[i].Hash = hash;
        // the id last: a reader that sees it sees the key and the hash
        Volatile.Write(ref _slots[i].Id, id);
        _count++;
    }

    public static uint Step(uint hash, char c) => (hash ^ c) * 16777619u;

    public static uint Hash(ReadOnlySpan<char> s)
    {
        var h = Seed;
        foreach (var c in s) h = Step(h, c);
        return h;
    }

    /// <summary>The vocabulary's string for <paramref name="word"/> (whose <see cref="Hash"/> is <paramref name="hash"/>) and its id; null and -1 when it has none.</summary>
    public string? Find(ReadOnlySpan<char> word, uint hash, out int id)
    {
        var slots = _slots;
        var i = (int)(hash & (uint)_mask);
        int found;
        while ((found = Volatile.Read(ref slots[i].Id)) != 0)
        {
            if (slots[i].Hash == hash && _keys[i] is { } k && k.AsSpan().SequenceEqual(word)) { id = found; return k; }
            i = (i + 1) & _mask;
        }
        id = -1;
        return null;
    }
}
