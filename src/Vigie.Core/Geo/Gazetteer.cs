using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.MemoryMappedFiles;
using System.Text;
using Vigie.Errors;

namespace Vigie.Geo;

/// <summary>A name matched in the gazetteer: the record and the name as the gazetteer writes it.</summary>
public readonly record struct GazetteerHit(int Record, uint NameOffset);

/// <summary>
/// A compiled gazetteer (see <see cref="GazetteerBuilder"/> for the layout), memory-mapped read-only:
/// opening costs a header read, and only the pages a look-up touches become resident.
/// A look-up computes the <see cref="NameKey"/> of the name, hashes it and walks one key group,
/// without allocating. Thread-safe.
/// </summary>
public sealed unsafe class Gazetteer : IDisposable
{
    private static readonly Lazy<Gazetteer> _default = new(GazetteerStore.OpenDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The gazetteer of this installation (an imported GeoNames index if there is one, else cities500 + supplement), opened on first use and compiled first if needed.</summary>
    public static Gazetteer Default => _default.Value;

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private readonly byte* _records;
    private readonly byte* _entries;
    private readonly ulong* _buckets;
    private readonly byte* _pool;
    private readonly long _poolLength;
    private readonly ulong _mask;
    private readonly NameKey _key;
    private int _disposed;

    public string Path { get; }
    public string Stamp { get; }
    public int RecordCount { get; }
    public long NameCount { get; }

    private Gazetteer(string path, NameKey key)
    {
        Path = path;
        _key = key;
        var length = new FileInfo(path).Length;
        if (length < GazetteerFormat.HeaderSize) throw new InvalidDataException(ErrorCatalogue.GazetteerDamaged.Message(path, "too short"));
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _base = p + _view.PointerOffset;
        var h = new ReadOnlySpan<byte>(_base, GazetteerFormat.HeaderSize);
        if (!h[..8].SequenceEqual(GazetteerFormat.Magic) || BinaryPrimitives.ReadInt32LittleEndian(h[8..]) != GazetteerFormat.Version)
        {
            Dispose();
            throw new InvalidDataException(ErrorCatalogue.GazetteerDamaged.Message(path, $"not of version {GazetteerFormat.Version}"));
        }
        var stampLength = BinaryPrimitives.ReadInt32LittleEndian(h[12..]);
        RecordCount = checked((int)BinaryPrimitives.ReadInt64LittleEndian(h[16..]));
        NameCount = BinaryPrimitives.ReadInt64LittleEndian(h[24..]);
        var bucketCount = BinaryPrimitives.ReadInt64LittleEndian(h[32..]);
        _records = _base + BinaryPrimitives.ReadInt64LittleEndian(h[40..]);
        _entries = _base + BinaryPrimitives.ReadInt64LittleEndian(h[48..]);
        _buckets = (ulong*)(_base + BinaryPrimitives.ReadInt64LittleEndian(h[56..]));
        var poolOffset = BinaryPrimitives.ReadInt64LittleEndian(h[64..]);
        _poolLength = BinaryPrimitives.ReadInt64LittleEndian(h[72..]);
        _pool = _base + poolOffset;
        if (poolOffset + _poolLength > length || bucketCount <= 0 || (bucketCount & (bucketCount - 1)) != 0)
        {
            Dispose();
            throw new InvalidDataException(ErrorCatalogue.GazetteerDamaged.Message(path, "truncated or damaged"));
        }
        _mask = (ulong)(bucketCount - 1);
        Stamp = Encoding.UTF8.GetString(new ReadOnlySpan<byte>(_base + GazetteerFormat.HeaderSize, stampLength));
    }

    /// <summary>Opens an index file; names are matched with <paramref name="key"/> (default: <see cref="NameKey.Default"/>), which must be the rules it was compiled with.</summary>
    public static Gazetteer Open(string path, NameKey? key = null) => new(path, key ?? NameKey.Default);

    /// <summary>The stamp part "key=…" of an index: the hash of the name-key rules it was compiled with.</summary>
    public string? KeyRulesHash => StampValue(Stamp, "key");

    internal static string? StampValue(string stamp, string name)
    {
        foreach (var part in stamp.Split(';'))
            if (part.StartsWith(name + "=", StringComparison.Ordinal)) return part[(name.Length + 1)..];
        return null;
    }

    /// <summary>
    /// Writes the records whose names share the key of <paramref name="name"/> into <paramref name="hits"/>;
    /// returns how many were found (at most hits.Length). Allocates nothing.
    /// </summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public int Find(ReadOnlySpan<char> name, Span<GazetteerHit> hits)
    {
        Span<char> key = stackalloc char[NameKey.MaxLength];
        var n = _key.Write(name, key);
        if (n == 0) return 0;
        Span<byte> kb = stackalloc byte[NameKey.MaxLength * 3];
        int len;
        if (System.Text.Ascii.IsValid(key[..n])) { for (var i = 0; i < n; i++) kb[i] = (byte)key[i]; len = n; }
        else len = Encoding.UTF8.GetBytes(key[..n], kb);
        return FindKey(kb[..len], hits);
    }

    /// <summary>Like <see cref="Find(ReadOnlySpan{char}, Span{GazetteerHit})"/> for a key already computed (<see cref="NameKey.Write"/>).</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public int FindKey(ReadOnlySpan<char> key, Span<GazetteerHit> hits)
    {
        if (key.IsEmpty || key.Length > NameKey.MaxLength) return 0;
        Span<byte> kb = stackalloc byte[NameKey.MaxLength * 3];
        var len = Encoding.UTF8.GetBytes(key, kb);
        return FindKey(kb[..len], hits);
    }

    /// <summary>All records matching <paramref name="name"/>, at most <paramref name="max"/>.</summary>
    public List<GazetteerHit> Find(string name, int max = 256)
    {
        var buf = new GazetteerHit[max];
        var n = Find(name.AsSpan(), buf);
        return new List<GazetteerHit>(buf.AsSpan(0, n).ToArray());
    }

    private int FindKey(ReadOnlySpan<byte> key, Span<GazetteerHit> hits)
    {
        var hash = Hash(key);
        var high = hash & 0xFFFF_FFFF_0000_0000UL;
        var b = hash & _mask;
        while (true)
        {
            var slot = _buckets[b];
            if (slot == 0) return 0;
            var start = (uint)slot - 1;
            if ((slot & 0xFFFF_FFFF_0000_0000UL) != high) { b = (b + 1) & _mask; continue; }
            var keyOffset = EntryKey(start);
            if (PoolString(keyOffset).SequenceEqual(key))
            {
                var count = 0;
                for (var e = (long)start; e < NameCount && count < hits.Length; e++)
                {
                    var entry = _entries + e * GazetteerFormat.EntrySize;
                    if (*(uint*)entry != keyOffset) break;
                    hits[count++] = new GazetteerHit((int)*(uint*)(entry + 8), *(uint*)(entry + 4));
                }
                return count;
            }
            b = (b + 1) & _mask;
        }
    }

    private uint EntryKey(long entry) => *(uint*)(_entries + entry * GazetteerFormat.EntrySize);

    private ReadOnlySpan<byte> PoolString(uint offset)
    {
        var p = _pool + offset;
        int len = 0, shift = 0;
        byte b;
        do { b = *p++; len |= (b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
        return new ReadOnlySpan<byte>(p, len);
    }

    /// <summary>A string of the pool (a name as written, an admin1 name); null for offset 0.</summary>
    public string? StringAt(uint offset) => offset == 0 ? null : Encoding.UTF8.GetString(PoolString(offset));

    /// <summary>True when the name of <paramref name="hit"/>, folded, is <paramref name="folded"/> (no allocation).</summary>
    public bool NameFoldsTo(GazetteerHit hit, ReadOnlySpan<char> folded)
    {
        var bytes = PoolString(hit.NameOffset);
        if (bytes.Length < folded.Length || bytes.Length > folded.Length * 4) return false;
        Span<char> chars = bytes.Length <= 256 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        var n = Encoding.UTF8.GetChars(bytes, chars);
        if (n != folded.Length) return false;
        for (var i = 0; i < n; i++)
            if (Vigie.Text.Fold.Char(chars[i]) != folded[i]) return false;
        return true;
    }

    /// <summary>The name as the gazetteer writes it, for a hit.</summary>
    public string NameOf(GazetteerHit hit) => StringAt(hit.NameOffset) ?? "";

    /// <summary>The record at <paramref name="index"/>.</summary>
    public Place this[int index]
    {
        get
        {
            if ((uint)index >= (uint)RecordCount) throw new ArgumentOutOfRangeException(nameof(index));
            return new Place(this, index);
        }
    }

    private Dictionary<string, (int Country, int Capital)>? _countries;

    /// <summary>
    /// The country row (feature <c>country</c> of the supplement) and the national capital (GeoNames PPLC, the most populous
    /// one when a country has several) of an ISO-2 code; -1 for what the gazetteer lacks. Built on first use by one pass
    /// over the records.
    /// </summary>
    public (Place? Country, Place? Capital) CountryPoints(string iso2)
    {
        var map = _countries ??= BuildCountries();
        if (!map.TryGetValue(iso2.ToUpperInvariant(), out var e)) return (null, null);
        return (e.Country >= 0 ? this[e.Country] : null, e.Capital >= 0 ? this[e.Capital] : null);
    }

    private Dictionary<string, (int Country, int Capital)> BuildCountries()
    {
        var map = new Dictionary<string, (int Country, int Capital)>(StringComparer.Ordinal);
        for (var i = 0; i < RecordCount; i++)
        {
            ref readonly var r = ref Record(i);
            var kind = (PlaceKind)r.Kind;
            if (kind is not (PlaceKind.Country or PlaceKind.Capital) || CountryCode(r.Country) is not { } cc) continue;
            var cur = map.TryGetValue(cc, out var e) ? e : (-1, -1);
            if (kind == PlaceKind.Country && cur.Item1 < 0) cur.Item1 = i;
            else if (kind == PlaceKind.Capital && (cur.Item2 < 0 || Record(cur.Item2).Population < r.Population)) cur.Item2 = i;
            map[cc] = cur;
        }
        return map;
    }

    internal ref readonly RecordData Record(int index) => ref *(RecordData*)(_records + (long)index * GazetteerFormat.RecordSize);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }

    /// <summary>FNV-1a 64 of the key bytes, as stored in the index.</summary>
    public static ulong Hash(ReadOnlySpan<byte> key)
    {
        var h = 14695981039346656037UL;
        foreach (var b in key) { h ^= b; h *= 1099511628211UL; }
        return h ^ (h >> 29);
    }

    internal static int ReadVarint(byte[] data, ref int p)
    {
        int v = 0, shift = 0;
        byte b;
        do { b = data[p++]; v |= (b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
        return v;
    }

    private static readonly ConcurrentDictionary<ushort, string> Countries = new();

    internal static string? CountryCode(ushort packed) =>
        packed == 0 ? null : Countries.GetOrAdd(packed, static p => new string([(char)(p & 0xFF), (char)(p >> 8)]));
}

/// <summary>A record of the gazetteer (a view; strings are decoded when asked for).</summary>
public readonly struct Place
{
    private readonly Gazetteer _g;
    public int Index { get; }

    internal Place(Gazetteer g, int index) { _g = g; Index = index; }

    private ref readonly RecordData R => ref _g.Record(Index);

    /// <summary>GeoNames id, or null for a curated place GeoNames lacks.</summary>
    public long? GeonamesId => R.GeonameId > 0 ? R.GeonameId : null;
    public double Lat => Math.Round(R.Lat, 5);
    public double Lon => Math.Round(R.Lon, 5);
    public long Population => R.Population;
    public string? Country => Gazetteer.CountryCode(R.Country);
    public ushort CountryPacked => R.Country;
    public string Name => _g.StringAt(R.Name) ?? "";
    public string? Admin1 => _g.StringAt(R.Admin1);
    public char FeatureClass => (char)R.FeatureClass;
    public PlaceKind Kind => (PlaceKind)R.Kind;
    /// <summary>From the curated supplement (or a GeoNames record the supplement names).</summary>
    public bool Curated => (R.Flags & 1) != 0;

    public override string ToString() => $"{Name} ({Country}, {Kind}, {Lat:0.####}, {Lon:0.####})";
}
