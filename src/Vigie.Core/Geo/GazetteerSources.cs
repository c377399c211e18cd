using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Vigie.Lexicons;
using Vigie.Model;

namespace Vigie.Geo;

/// <summary>A line of a gazetteer source that could not be read; the rest of the file is still read.</summary>
public sealed record GazetteerProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>The kinds of files <c>vigie gazetteer import</c> reads.</summary>
public enum GazetteerSourceKind
{
    /// <summary>The GeoNames "geoname" table: allCountries.txt, cities500/1000/5000/15000.txt, XX.txt.</summary>
    GeoNames,
    /// <summary>alternateNamesV2.txt (or alternateNames.txt): names by language.</summary>
    AlternateNames,
    /// <summary>admin1CodesASCII.txt: names of first-level divisions.</summary>
    Admin1Codes,
    /// <summary>A curated TSV in the format of data/gazetteer/supplement.tsv.</summary>
    Supplement,
    /// <summary>The ISO 3166-2 divisions of the npm package iso3166-2-db (data/iso3166-2.json): first-level divisions and their names.</summary>
    Divisions,
}

/// <summary>
/// Readers of the GeoNames dumps and of the curated supplement, streaming line by line into a
/// <see cref="GazetteerBuilder"/>. Bad lines become <see cref="GazetteerProblem"/>s.
/// </summary>
public static class GazetteerSources
{
    /// <summary>
    /// Languages of alternateNamesV2 that are indexed: the language packs (their codes are GeoNames' ISO 639-1 codes)
    /// and "" (no language given).
    /// </summary>
    public static HashSet<string> AlternateLanguages => new(["", .. Languages.All], StringComparer.Ordinal);

    public static GazetteerSourceKind Classify(string fileName)
    {
        var name = Path.GetFileName(fileName).ToLowerInvariant();
        if (name.Contains("alternatename")) return GazetteerSourceKind.AlternateNames;
        if (name.Contains("admin1codes")) return GazetteerSourceKind.Admin1Codes;
        if (name.EndsWith(".tsv")) return GazetteerSourceKind.Supplement;
        if (name.EndsWith(".json")) return GazetteerSourceKind.Divisions;
        return GazetteerSourceKind.GeoNames;
    }

    /// <summary>The text files of a source: the file itself, or the .txt members of a .zip (readme files skipped).</summary>
    public static IEnumerable<(string Name, Func<TextReader> Open)> Expand(string path)
    {
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            yield return (path, () => new StreamReader(path, System.Text.Encoding.UTF8, false, 1 << 16));
            yield break;
        }
        List<string> members;
        using (var zip = ZipFile.OpenRead(path))
            members = zip.Entries
                .Where(e => e.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && !e.Name.StartsWith("readme", StringComparison.OrdinalIgnoreCase))
                .Select(e => e.FullName).ToList();
        foreach (var member in members)
            yield return ($"{path}!{member}", () => new ZipMemberReader(path, member));
    }

    /// <summary>A reader of one zip member that closes the archive with it.</summary>
    private sealed class ZipMemberReader : StreamReader
    {
        private readonly ZipArchive _zip;

        public ZipMemberReader(string path, string member) : this(ZipFile.OpenRead(path), member) { }

        private ZipMemberReader(ZipArchive zip, string member) : base(zip.GetEntry(member)!.Open(), System.Text.Encoding.UTF8, false, 1 << 16) => _zip = zip;

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) _zip.Dispose();
        }
    }

    /// <summary>Reads the GeoNames "geoname" table (19 tab-separated columns). Returns the number of records added.</summary>
    public static int ReadGeoNames(TextReader reader, string file, GazetteerBuilder builder, List<GazetteerProblem> problems)
    {
        Span<Range> f = stackalloc Range[20];
        var added = 0;
        var lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var s = line.AsSpan();
            var n = s.Split(f, '\t');
            if (n < 15) { Problem(problems, file, lineNo, $"{n} columns where the GeoNames table has 19"); continue; }
            if (!int.TryParse(s[f[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !double.TryParse(s[f[4]], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(s[f[5]], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                Problem(problems, file, lineNo, "id, latitude or longitude is not a number in range");
                continue;
            }
            // the ASCII form is the display name (as ACLED writes places); the original is indexed too
            var original = s[f[1]];
            var name = s[f[2]].IsEmpty ? original.ToString() : s[f[2]].ToString();
            if (name.Length == 0) { Problem(problems, file, lineNo, "empty name"); continue; }
            var fclass = s[f[6]].Length > 0 ? s[f[6]][0] : ' ';
            var kind = PlaceKinds.FromGeoNames(fclass, s[f[7]]);
            long.TryParse(s[f[14]], NumberStyles.None, CultureInfo.InvariantCulture, out var population);
            var admin1 = s[f[10]];
            var r = builder.AddRecord(id, name, lat, lon, population, s[f[8]].ToString(),
                admin1.IsEmpty || admin1.SequenceEqual("00") ? null : admin1.ToString(), null, fclass, kind, false);
            if (!original.SequenceEqual(name)) builder.AddName(r, original);
            foreach (var part in s[f[3]].Split(','))
            {
                var alt = s[f[3]][part];
                if (IsIndexableAlternate(alt)) builder.AddName(r, alt);
            }
            added++;
        }
        return added;
    }

    /// <summary>Reads alternateNamesV2.txt: names in <see cref="AlternateLanguages"/> of places already added, historic names skipped.</summary>
    public static int ReadAlternateNames(TextReader reader, string file, GazetteerBuilder builder, List<GazetteerProblem> problems)
    {
        Span<Range> f = stackalloc Range[11];
        var added = 0;
        var lineNo = 0;
        var lookup = AlternateLanguages.GetAlternateLookup<ReadOnlySpan<char>>();
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var s = line.AsSpan();
            var n = s.Split(f, '\t');
            if (n < 4 || !int.TryParse(s[f[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                Problem(problems, file, lineNo, "not an alternate-names line (alternateNameId, geonameid, isolanguage, name, …)");
                continue;
            }
            if (!lookup.Contains(s[f[2]])) continue;
            if (n >= 8 && s[f[7]].SequenceEqual("1")) continue; // historic
            var record = builder.FindGeonameId(id);
            if (record < 0) continue;
            var name = s[f[3]];
            if (!IsIndexableAlternate(name)) continue;
            builder.AddName(record, name);
            added++;
        }
        return added;
    }

    /// <summary>Reads admin1CodesASCII.txt ("SY.13", name, ascii name, geonameid).</summary>
    public static int ReadAdmin1Codes(TextReader reader, string file, GazetteerBuilder builder, List<GazetteerProblem> problems)
    {
        var added = 0;
        var lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            var dot = cells[0].IndexOf('.');
            if (cells.Length < 2 || dot != 2 || cells[1].Length == 0)
            {
                Problem(problems, file, lineNo, "not an admin1 code line (CC.code, name, asciiname, geonameid)");
                continue;
            }
            builder.SetAdmin1Name(cells[0][..2], cells[0][3..], cells[1]);
            added++;
        }
        return added;
    }

    /// <summary>
    /// Reads a curated supplement (data/gazetteer/supplement.tsv): a row naming a GeoNames id already
    /// present adds its names to that record; other rows are new places and need lat/lon.
    /// </summary>
    public static int ReadSupplement(TextReader reader, string file, GazetteerBuilder builder, List<GazetteerProblem> problems)
    {
        Tsv tsv;
        try { tsv = Tsv.Parse(reader, file); }
        catch (FormatException e) { Problem(problems, file, 0, e.Message); return 0; }
        foreach (var col in new[] { "name", "alternate_names", "country", "lat", "lon", "feature", "source" })
            if (!tsv.Columns.Contains(col)) { Problem(problems, file, 0, $"missing column '{col}' (columns: {string.Join(", ", tsv.Columns)})"); return 0; }
        var added = 0;
        foreach (var row in tsv.Rows)
        {
            var name = row.Get("name");
            var country = row.Get("country") ?? "";
            var feature = row.Get("feature") ?? "";
            var kind = PlaceKinds.FromFeature(feature);
            if (name == null || kind == null || (country.Length != 2 && kind is not (PlaceKind.Region or PlaceKind.LargeRegion)))
            {
                Problem(problems, file, row.Line, name == null ? "empty name" : kind == null ? $"unknown feature '{feature}'" : $"country must be an ISO-2 code, not '{country}'");
                continue;
            }
            if (row.Get("source") == null) { Problem(problems, file, row.Line, $"'{name}': the source column is empty"); continue; }
            var admin1 = row.Get("admin1");
            var code = row.Get("admin1_code");
            var alts = (row.Get("alternate_names") ?? "").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            int.TryParse(row.Get("geonames_id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id);
            var record = id > 0 ? builder.FindGeonameId(id) : -1;
            if (record >= 0)
            {
                // a town row names the record and gives its admin1; the GeoNames kind (capital, seat) stays
                builder.Curate(record, name, admin1, kind is PlaceKind.Populated ? null : kind);
                builder.AddName(record, name);
            }
            else
            {
                if (!double.TryParse(row.Get("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                    || !double.TryParse(row.Get("lon"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                    || lat is < -90 or > 90 || lon is < -180 or > 180)
                {
                    Problem(problems, file, row.Line, $"'{name}': lat/lon missing or out of range" + (id > 0 ? $" (GeoNames {id} is not in the gazetteer sources)" : ""));
                    continue;
                }
                long.TryParse(row.Get("population"), NumberStyles.None, CultureInfo.InvariantCulture, out var population);
                var fclass = kind switch { PlaceKind.Admin1 or PlaceKind.Admin2 or PlaceKind.Country => 'A', PlaceKind.Region or PlaceKind.LargeRegion => 'L', PlaceKind.Camp => 'S', _ => 'P' };
                record = builder.AddRecord(id, name, lat, lon, population, country, null, admin1, fclass, kind.Value, true);
            }
            foreach (var alt in alts) builder.AddName(record, alt);
            if (kind == PlaceKind.Admin1 && code != null) builder.SetAdmin1Name(country, code, name, record);
            // the names of curated areas and countries are theirs: a division read later does not take them
            if (kind.Value.IsArea() && country.Length == 2)
            {
                builder.ReserveName(country, name, kind == PlaceKind.Country);
                foreach (var alt in alts) builder.ReserveName(country, alt, kind == PlaceKind.Country);
            }
            added++;
        }
        return added;
    }

    /// <summary>
    /// Reads the first-level divisions of iso3166-2-db's <c>data/iso3166-2.json</c> (per country, <c>regions[]</c> with
    /// <c>admin</c>, the GeoNames admin1 code, <c>name</c> (English), <c>names.geonames</c>, <c>names.</c><i>language</i> for
    /// the languages of the packs, and <c>reference.geonames</c>). Read after the GeoNames table and the supplement: a division the supplement already
    /// has (an admin1 row with that code) gets the names it lacks; any other becomes an admin1 place at the centre of the
    /// table's places with its code (<see cref="GazetteerBuilder.TryAdmin1Centre"/>; a division without any is left out),
    /// named by its GeoNames name, which also becomes the admin1 name of those places. Names indexed: the GeoNames,
    /// English and packs' languages names, each by its short form when it is written with an area word ("Sokoto State",
    /// "État de Sokoto": "Sokoto"; the geocoder strips such words from a name it does not know); a name unlike the
    /// division's other names (a mistranslation) or that a curated area or a country holds is left out. A code listed
    /// twice keeps its first division. Returns the number of divisions added or completed.
    /// </summary>
    public static int ReadDivisions(TextReader reader, string file, GazetteerBuilder builder, List<GazetteerProblem> problems, GeoLexicon? lexicon = null)
    {
        JsonDocument json;
        try { json = JsonDocument.Parse(reader.ReadToEnd()); }
        catch (JsonException e) { Problem(problems, file, 0, $"not JSON: {e.Message}"); return 0; }
        using var document = json;
        if (json.RootElement.ValueKind != JsonValueKind.Object) { Problem(problems, file, 0, "not an object of countries by ISO-2 code"); return 0; }
        lexicon ??= GeoLexicon.Default;
        var added = 0;
        foreach (var country in json.RootElement.EnumerateObject())
        {
            var cc = country.Name;
            if (cc.Length != 2 || country.Value.ValueKind != JsonValueKind.Object
                || !country.Value.TryGetProperty("regions", out var regions) || regions.ValueKind != JsonValueKind.Array)
            {
                Problem(problems, file, 0, $"'{cc}': not a country with regions");
                continue;
            }
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var region in regions.EnumerateArray())
            {
                var code = Text(region, "admin");
                var names = region.TryGetProperty("names", out var n) && n.ValueKind == JsonValueKind.Object ? n : default;
                var geonames = Text(names, "geonames");
                var main = Text(region, "name");
                var display = geonames ?? main;
                if (code == null || display == null) { Problem(problems, file, 0, $"'{cc}': a region without admin code or name"); continue; }
                if (!codes.Add(code)) continue;
                var record = builder.FindAdmin1Record(cc, code);
                var fromSupplement = record >= 0;
                if (!fromSupplement)
                {
                    if (!builder.TryAdmin1Centre(cc, code, out var lat, out var lon, out _)) continue;
                    var geonameId = region.TryGetProperty("reference", out var reference) && reference.ValueKind == JsonValueKind.Object
                        && reference.TryGetProperty("geonames", out var gid) && gid.ValueKind == JsonValueKind.Number && gid.TryGetInt32(out var id) ? id : 0;
                    if (geonameId > 0 && builder.FindGeonameId(geonameId) >= 0) geonameId = 0;
                    record = builder.AddRecord(geonameId, display, lat, lon, 0, cc, null, display, 'A', PlaceKind.Admin1, false, indexName: false);
                    builder.SetAdmin1Name(cc, code, display, record);
                }
                var languages = Languages.All.Select(l => Text(names, l)).OfType<string>();
                foreach (var (form, whole) in DivisionNames(display, main, languages, lexicon))
                {
                    // a short form that is another place's ("Niger State": "Niger") leaves the name whole
                    if (!builder.IsReserved(cc, form)) builder.AddName(record, form);
                    else if (!fromSupplement && whole != form && IsIndexableAlternate(whole) && !builder.IsReserved(cc, whole)) builder.AddName(record, whole);
                }
                added++;
            }
        }
        return added;
    }

    /// <summary>
    /// The names a division is indexed by (see <see cref="ReadDivisions"/>): its GeoNames name, its main (English) name and
    /// its names in the languages of the packs, those that resemble the GeoNames or main name, each as its short form and
    /// the whole name it comes from.
    /// </summary>
    internal static List<(string Short, string Whole)> DivisionNames(string display, string? main, IEnumerable<string> languages, GeoLexicon lexicon)
    {
        var forms = new List<(string, string)>();
        void Add(string form, string whole)
        {
            if (IsIndexableAlternate(form) && !forms.Exists(f => f.Item1 == form && f.Item2 == whole)) forms.Add((form, whole));
        }
        string Short(string name) => lexicon.StripRelation(name) is { Relation: PlaceRelation.Region } s ? s.Name : name;
        var own = Short(display);
        var mainShort = main != null ? Short(main) : null;
        Add(own, display);
        foreach (var name in main != null ? languages.Prepend(main) : languages)
            if (Short(name) is var form && (Resembles(form, own) || (mainShort != null && Resembles(form, mainShort)))) Add(form, name);
        return forms;
    }

    // at least a fifth of the letter pairs in common (Dice coefficient of the folded letters): "Jytomyr" and "Zhytomyr",
    // "Arakan" and "Rakhine" resemble each other; a mistranslation ("Force" for Sila) shares none
    internal static bool Resembles(string a, string b) => NameKey.LetterPairShare(a, b) >= 0.2;

    private static string? Text(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
        && v.GetString() is { Length: > 0 } s ? s.Trim() : null;

    /// <summary>True for alternate names worth indexing: with a Latin letter (the texts are French and English), not a code or a description.</summary>
    public static bool IsIndexableAlternate(ReadOnlySpan<char> name)
    {
        if (name.Length < 3 || name.Length > 60) return false;
        foreach (var c in name)
            if (c < 0x250 && char.IsLetter(c)) return true;
        return false;
    }

    private static void Problem(List<GazetteerProblem> problems, string file, int line, string message)
    {
        // keep the first problems of each file whole; count the rest
        if (problems.Count < 1000) problems.Add(new GazetteerProblem(file, line, message));
        else if (problems.Count == 1000) problems.Add(new GazetteerProblem(file, 0, "more problems not listed"));
    }
}
