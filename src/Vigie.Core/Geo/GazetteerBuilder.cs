using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Vigie.Errors;

namespace Vigie.Geo;

/// <summary>
/// Compiles place records and their names into the binary index that <see cref="Gazetteer"/> maps
/// into memory. Layout (little-endian, sections 8-byte aligned):
/// <code>
/// header   magic "VIGIEGZ1", version, counts, section offsets (see GazetteerFormat)
/// records  29 bytes each (unaligned reads): geonames id, lat, lon (float32), population, name, admin1 name,
///          country (2 ASCII), GeoNames feature class, PlaceKind, flags
/// entries  12 bytes each, grouped by name key: key, name as written, record
/// buckets  open-addressing table (power of two), 8 bytes: 1 + first entry of a key group, high half of its hash
/// pool     strings as varint length + UTF-8
/// </code>
/// Records and names are added as a stream; <see cref="Write"/> sorts the name entries by key
/// hash once. Not thread-safe.
/// </summary>
public sealed class GazetteerBuilder
{
    private readonly NameKey _key;
    private RecordData[] _records = new RecordData[1024];
    private int _recordCount;
    private TempEntry[] _entries = new TempEntry[4096];
    private long _entryCount;
    private readonly ByteBuffer _pool = new();
    private readonly ByteBuffer _keys = new();
    private readonly Dictionary<string, uint> _interned = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _byGeonameId = new();
    private readonly Dictionary<string, string> _admin1Names = new(StringComparer.Ordinal);
    // the record that stands for a division, by "CC.code" (a curated admin1 row, or a division read from the ISO 3166-2 data)
    private readonly Dictionary<string, int> _admin1Records = new(StringComparer.Ordinal);
    // sums of the unit vectors of the GeoNames places of each admin1 code (by the code's interned string), for its centre
    private readonly Dictionary<uint, (double X, double Y, double Z, int Count)> _admin1Sums = new();
    // name keys that curated area rows hold ("CC|key"), and countries' names (key → the country)
    private readonly HashSet<string> _reserved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _countryNames = new(StringComparer.Ordinal);
    private readonly char[] _keyBuf = new char[NameKey.MaxLength];
    private readonly byte[] _keyBytes = new byte[NameKey.MaxLength * 4];

    public GazetteerBuilder(NameKey key)
    {
        _key = key;
        _pool.Add(0); // offset 0 means "no string"
    }

    public int RecordCount => _recordCount;
    public long NameCount => _entryCount;

    /// <summary>The record index of a GeoNames id added earlier, or -1.</summary>
    public int FindGeonameId(int geonameId) => _byGeonameId.TryGetValue(geonameId, out var r) ? r : -1;

    /// <summary>Adds a place; its name is indexed unless <paramref name="indexName"/> is false. Returns the record index.</summary>
    public int AddRecord(int geonameId, string name, double lat, double lon, long population, string country,
        string? admin1Code, string? admin1Name, char featureClass, PlaceKind kind, bool curated, bool indexName = true)
    {
        if (_recordCount == _records.Length) Array.Resize(ref _records, _records.Length * 2);
        var cc = country.Length >= 2 ? (ushort)(char.ToUpperInvariant(country[0]) | (char.ToUpperInvariant(country[1]) << 8)) : (ushort)0;
        var r = _recordCount++;
        _records[r] = new RecordData
        {
            GeonameId = geonameId,
            Lat = (float)lat,
            Lon = (float)lon,
            Population = (int)Math.Clamp(population, 0, int.MaxValue),
            Name = Intern(name, false),
            Admin1 = admin1Name != null ? Intern(admin1Name, true) : admin1Code != null && cc != 0 ? Intern("\u0001" + country.ToUpperInvariant() + "." + admin1Code, true) : 0,
            Country = cc,
            FeatureClass = (byte)featureClass,
            Kind = (byte)kind,
            Flags = (byte)(curated ? 1 : 0),
        };
        if (geonameId > 0) _byGeonameId.TryAdd(geonameId, r);
        if (admin1Name == null && admin1Code != null && _records[r].Admin1 != 0) AddToCentre(_records[r].Admin1, lat, lon);
        if (indexName) AddName(r, name, _records[r].Name);
        return r;
    }

    private void AddToCentre(uint code, double lat, double lon)
    {
        var (la, lo) = (lat * Math.PI / 180, lon * Math.PI / 180);
        var (x, y, z, n) = _admin1Sums.GetValueOrDefault(code);
        _admin1Sums[code] = (x + Math.Cos(la) * Math.Cos(lo), y + Math.Cos(la) * Math.Sin(lo), z + Math.Sin(la), n + 1);
    }

    /// <summary>
    /// The centre of the GeoNames places added so far with this country and admin1 code: the mean of their points on the
    /// sphere (their unit vectors averaged and projected back, so that a division across the 180th meridian is not put on
    /// the other side of the world). False when no place has that code.
    /// </summary>
    public bool TryAdmin1Centre(string country, string code, out double lat, out double lon, out int places)
    {
        lat = lon = 0;
        places = 0;
        if (!_interned.TryGetValue("\u0001" + country.ToUpperInvariant() + "." + code, out var o) || !_admin1Sums.TryGetValue(o, out var s)) return false;
        var norm = Math.Sqrt(s.X * s.X + s.Y * s.Y + s.Z * s.Z);
        if (norm < 1e-9) return false;
        lat = Math.Asin(s.Z / norm) * 180 / Math.PI;
        lon = Math.Atan2(s.Y, s.X) * 180 / Math.PI;
        places = s.Count;
        return true;
    }

    /// <summary>Indexes one more name of record <paramref name="record"/> (a no-op for a name without a key).</summary>
    public void AddName(int record, ReadOnlySpan<char> name) => AddName(record, name, 0);

    // nameOffset: the name already in the pool (the record's own name), or 0 to add it
    private void AddName(int record, ReadOnlySpan<char> name, uint nameOffset)
    {
        if (name.IsEmpty) return;
        var n = _key.Write(name, _keyBuf);
        if (n == 0) return;
        var bytes = Encoding.UTF8.GetBytes(_keyBuf.AsSpan(0, n), _keyBytes);
        var kb = _keyBytes.AsSpan(0, bytes);
        if (_entryCount == _entries.Length) Array.Resize(ref _entries, checked(_entries.Length * 2));
        var keyOffset = _keys.Count;
        _keys.AddVarint((uint)bytes);
        _keys.AddRange(kb);
        _entries[_entryCount++] = new TempEntry
        {
            Hash = Gazetteer.Hash(kb),
            TempKey = checked((uint)keyOffset),
            Name = nameOffset != 0 ? nameOffset : AddString(name),
            Record = (uint)record,
        };
    }

    /// <summary>Marks a record as curated and sets its display name, admin1 name and kind (supplement rows that name a GeoNames id).</summary>
    public void Curate(int record, string? name, string? admin1Name, PlaceKind? kind)
    {
        ref var r = ref _records[record];
        r.Flags |= 1;
        if (name != null) r.Name = Intern(name, false);
        if (admin1Name != null) r.Admin1 = Intern(admin1Name, true);
        if (kind != null) r.Kind = (byte)kind.Value;
    }

    /// <summary>
    /// The name of a first-level division (from admin1CodesASCII, the supplement or the ISO 3166-2 data), by country and GeoNames
    /// admin1 code; <paramref name="record"/> is the record that stands for the division, when there is one.
    /// </summary>
    public void SetAdmin1Name(string country, string code, string name, int record = -1)
    {
        var k = country.ToUpperInvariant() + "." + code;
        _admin1Names[k] = name;
        if (record >= 0) _admin1Records[k] = record;
    }

    /// <summary>The record given for a division with <see cref="SetAdmin1Name"/>, or -1.</summary>
    public int FindAdmin1Record(string country, string code) =>
        _admin1Records.TryGetValue(country.ToUpperInvariant() + "." + code, out var r) ? r : -1;

    /// <summary>
    /// Reserves a name of a curated area of <paramref name="country"/> (with <paramref name="isCountry"/>, the name of the
    /// country itself, reserved in every other country), so that the divisions read after the supplement do not take it
    /// (<see cref="IsReserved"/>).
    /// </summary>
    public void ReserveName(string country, ReadOnlySpan<char> name, bool isCountry = false)
    {
        if (KeyOf(name) is not { } key) return;
        if (isCountry) _countryNames.TryAdd(key, country.ToUpperInvariant());
        else _reserved.Add(country.ToUpperInvariant() + "|" + key);
    }

    /// <summary>
    /// True when a curated area of <paramref name="country"/> holds this name (by its key), or another country is called so
    /// ("Niger" is not Nigeria's Niger State; "Mexico" may be the Mexican state).
    /// </summary>
    public bool IsReserved(string country, ReadOnlySpan<char> name)
    {
        if (KeyOf(name) is not { } key) return false;
        var cc = country.ToUpperInvariant();
        return _reserved.Contains(cc + "|" + key) || (_countryNames.TryGetValue(key, out var holder) && holder != cc);
    }

    private string? KeyOf(ReadOnlySpan<char> name)
    {
        var n = _key.Write(name, _keyBuf);
        return n == 0 ? null : new string(_keyBuf, 0, n);
    }

    private uint Intern(string s, bool intern)
    {
        if (!intern) return AddString(s);
        if (_interned.TryGetValue(s, out var o)) return o;
        o = AddString(s);
        _interned[s] = o;
        return o;
    }

    private uint AddString(ReadOnlySpan<char> s)
    {
        var offset = checked((uint)_pool.Count);
        Span<byte> buf = s.Length <= 256 ? stackalloc byte[s.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(s.Length)];
        var n = Encoding.UTF8.GetBytes(s, buf);
        _pool.AddVarint((uint)n);
        _pool.AddRange(buf[..n]);
        return offset;
    }

    /// <summary>Sorts the names, builds the hash table and writes the index to <paramref name="path"/> (through a temporary file, so a reader never sees half a file).</summary>
    public void Write(string path, string stamp)
    {
        // admin1 codes that a name was given for become names
        var codeToName = new Dictionary<uint, uint>();
        foreach (var (s, o) in _interned.ToList())
        {
            if (s.Length == 0 || s[0] != '\u0001') continue;
            if (_admin1Names.TryGetValue(s[1..], out var name)) codeToName[o] = Intern(name, true);
        }
        for (var i = 0; i < _recordCount; i++)
        {
            ref var r = ref _records[i];
            if (r.Admin1 == 0 || !IsCode(r.Admin1)) continue;
            r.Admin1 = codeToName.TryGetValue(r.Admin1, out var n) ? n : 0;
        }

        // sort entries: by hash, then key bytes, then record; drop a record's repeated key
        var entries = _entries.AsSpan(0, checked((int)_entryCount));
        var keys = _keys;
        entries.Sort((a, b) =>
        {
            var c = a.Hash.CompareTo(b.Hash);
            if (c != 0) return c;
            c = keys.StringAt(a.TempKey).SequenceCompareTo(keys.StringAt(b.TempKey));
            return c != 0 ? c : a.Record.CompareTo(b.Record);
        });
        var final = new List<(uint Key, uint Name, uint Record)>(entries.Length);
        var groupStarts = new List<(ulong Hash, int Start)>();
        uint currentKey = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            var newGroup = i == 0 || e.Hash != entries[i - 1].Hash || !keys.StringAt(e.TempKey).SequenceEqual(keys.StringAt(entries[i - 1].TempKey));
            if (newGroup)
            {
                var kb = keys.StringAt(e.TempKey);
                currentKey = checked((uint)_pool.Count);
                _pool.AddVarint((uint)kb.Length);
                _pool.AddRange(kb);
                groupStarts.Add((e.Hash, final.Count));
            }
            else if (e.Record == entries[i - 1].Record) continue;
            final.Add((currentKey, e.Name, e.Record));
        }

        var bucketCount = 16L;
        while (bucketCount < groupStarts.Count * 5L / 4) bucketCount *= 2; // load ≤ 0.8: the fingerprints keep probes cheap
        // a bucket: 1 + first entry of the group, and the high half of the key hash (so that a probe
        // that does not match is rejected without touching the entries)
        var buckets = new ulong[bucketCount];
        var mask = (ulong)(bucketCount - 1);
        foreach (var (hash, start) in groupStarts)
        {
            var b = hash & mask;
            while (buckets[b] != 0) b = (b + 1) & mask;
            buckets[b] = checked((uint)start + 1) | (hash & 0xFFFF_FFFF_0000_0000UL);
        }

        var stampBytes = Encoding.UTF8.GetBytes(stamp);
        long pos = GazetteerFormat.HeaderSize + stampBytes.Length;
        pos = Align(pos);
        var recordsOffset = pos; pos += (long)_recordCount * GazetteerFormat.RecordSize; pos = Align(pos);
        var entriesOffset = pos; pos += (long)final.Count * GazetteerFormat.EntrySize; pos = Align(pos);
        var bucketsOffset = pos; pos += bucketCount * 8; pos = Align(pos);
        var poolOffset = pos; pos += _pool.Count;

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = path + "." + Environment.ProcessId + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var header = new byte[GazetteerFormat.HeaderSize];
            GazetteerFormat.Magic.CopyTo(header);
            var h = header.AsSpan();
            BinaryPrimitives.WriteInt32LittleEndian(h[8..], GazetteerFormat.Version);
            BinaryPrimitives.WriteInt32LittleEndian(h[12..], stampBytes.Length);
            BinaryPrimitives.WriteInt64LittleEndian(h[16..], _recordCount);
            BinaryPrimitives.WriteInt64LittleEndian(h[24..], final.Count);
            BinaryPrimitives.WriteInt64LittleEndian(h[32..], bucketCount);
            BinaryPrimitives.WriteInt64LittleEndian(h[40..], recordsOffset);
            BinaryPrimitives.WriteInt64LittleEndian(h[48..], entriesOffset);
            BinaryPrimitives.WriteInt64LittleEndian(h[56..], bucketsOffset);
            BinaryPrimitives.WriteInt64LittleEndian(h[64..], poolOffset);
            BinaryPrimitives.WriteInt64LittleEndian(h[72..], _pool.Count);
            fs.Write(header);
            fs.Write(stampBytes);
            Pad(fs, recordsOffset);
            fs.Write(MemoryMarshal.AsBytes(_records.AsSpan(0, _recordCount)));
            Pad(fs, entriesOffset);
            var eb = new byte[GazetteerFormat.EntrySize * 4096];
            var k = 0;
            foreach (var (key, name, record) in final)
            {
                var s = eb.AsSpan(k);
                BinaryPrimitives.WriteUInt32LittleEndian(s, key);
                BinaryPrimitives.WriteUInt32LittleEndian(s[4..], name);
                BinaryPrimitives.WriteUInt32LittleEndian(s[8..], record);
                k += GazetteerFormat.EntrySize;
                if (k == eb.Length) { fs.Write(eb); k = 0; }
            }
            fs.Write(eb, 0, k);
            Pad(fs, bucketsOffset);
            fs.Write(MemoryMarshal.AsBytes(buckets.AsSpan()));
            Pad(fs, poolOffset);
            _pool.WriteTo(fs);
        }
        File.Move(tmp, path, overwrite: true);
    }

    private bool IsCode(uint offset)
    {
        var s = _pool.StringAt(offset);
        return s.Length > 0 && s[0] == 1;
    }

    private static long Align(long p) => (p + 7) & ~7L;

    private static void Pad(Stream s, long to)
    {
        while (s.Position < to) s.WriteByte(0);
    }

    private struct TempEntry
    {
        public ulong Hash;
        public uint TempKey;
        public uint Name;
        public uint Record;
    }
}

/// <summary>Fixed sizes of the index file (see <see cref="GazetteerBuilder"/>).</summary>
internal static class GazetteerFormat
{
    public static ReadOnlySpan<byte> Magic => "VIGIEGZ1"u8;
    public const int Version = 3;
    public const int HeaderSize = 128;
    public const int RecordSize = 29;
    public const int EntrySize = 12;
}

[StructLayout(LayoutKind.Sequential, Pack = 1, Size = 29)]
internal struct RecordData
{
    public int GeonameId;
    public float Lat;
    public float Lon;
    public int Population;
    public uint Name;
    public uint Admin1;
    public ushort Country;
    public byte FeatureClass;
    public byte Kind;
    public byte Flags;
}

/// <summary>A growable byte array for the string pools (arrays up to 2 GB).</summary>
internal sealed class ByteBuffer
{
    private byte[] _data = new byte[1 << 16];
    public int Count { get; private set; }

    public void Add(byte b)
    {
        Ensure(1);
        _data[Count++] = b;
    }

    public void AddRange(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_data.AsSpan(Count));
        Count += bytes.Length;
    }

    public void AddVarint(uint v)
    {
        while (v >= 0x80) { Add((byte)(v | 0x80)); v >>= 7; }
        Add((byte)v);
    }

    public ReadOnlySpan<byte> StringAt(uint offset)
    {
        var p = (int)offset;
        var len = Gazetteer.ReadVarint(_data, ref p);
        return _data.AsSpan(p, len);
    }

    public void WriteTo(Stream s) => s.Write(_data, 0, Count);

    private void Ensure(int more)
    {
        if (Count + more <= _data.Length) return;
        var size = (long)_data.Length;
        while (size < Count + more) size *= 2;
        Array.Resize(ref _data, (int)Math.Min(size, Array.MaxLength));
        if (Count + more > _data.Length) throw new InvalidOperationException(ErrorCatalogue.GazetteerTooLarge.Message());
    }
}
