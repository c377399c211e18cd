using System.CommandLine;
using System.Globalization;
using Vigie.Geo;
using Vigie.Model;

namespace Vigie.Cli.Commands;

/// <summary>
/// <c>vigie gazetteer import FILE...</c> compiles GeoNames dumps into the index used instead of
/// cities500; <c>vigie gazetteer lookup NAME...</c> shows where names resolve; <c>vigie gazetteer info</c>
/// says which index is in use.
/// </summary>
public static class GazetteerCommand
{
    public static Command Create()
    {
        var command = new Command("gazetteer", "Import GeoNames dumps, look up place names, show the gazetteer in use")
        {
            CreateImport(), CreateLookup(), CreateInfo(),
        };
        CliHelp.SetExamples(command,
            "vigie gazetteer import allCountries.zip alternateNamesV2.zip admin1CodesASCII.txt",
            "vigie gazetteer lookup Damas \"Hadjar al-Assouad\" --country SY",
            "vigie gazetteer info");
        return command;
    }

    private static Command CreateImport()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "GeoNames files: allCountries.txt or .zip, cities500/1000/5000/15000, a country file (FR.txt), alternateNamesV2.txt (French and English names), admin1CodesASCII.txt; or a supplement .tsv",
            Arity = ArgumentArity.OneOrMore,
        };
        CliOptions.RejectOptionLikeValues(files);
        var output = new Option<string?>("--output")
        {
            Description = "Where to write the index (default: .vigie/gazetteer/geonames.idx, which vigie then uses instead of cities500)",
            HelpName = "PATH",
        };
        var noSupplement = new Option<bool>("--no-supplement") { Description = "Leave out data/gazetteer/supplement.tsv (quarters, camps, regions, French names)" };
        var command = new Command("import", "Compile GeoNames dumps into the gazetteer index (streaming; files in any order)") { files, output, noSupplement };
        CliHelp.SetExamples(command,
            "vigie gazetteer import allCountries.zip alternateNamesV2.zip admin1CodesASCII.txt",
            "vigie gazetteer import cities15000.txt --output /tmp/cities15000.idx");
        command.SetAction(parse => Import(new ImportOptions(parse.GetValue(files) ?? [], parse.GetValue(output), !parse.GetValue(noSupplement)), CommandOutput.Of(parse)));
        return command;
    }

    /// <summary>What <c>vigie gazetteer import</c> was asked: the GeoNames files, where to write the index (null: the one vigie then uses), and whether to add the supplement.</summary>
    public sealed record ImportOptions(string[] Files, string? Output, bool Supplement);

    public static int Import(ImportOptions options, CommandOutput console)
    {
        var (files, output, supplement) = (options.Files, options.Output, options.Supplement);
        var err = console.Err;
        var missing = files.Where(f => !File.Exists(f)).ToList();
        foreach (var m in missing) err.WriteLine($"vigie gazetteer import: {m}: file not found");
        var present = files.Where(File.Exists).ToList();
        if (present.Count == 0) return ExitCodes.Failure;
        var target = output ?? GazetteerStore.ImportedPath;
        var report = GazetteerStore.Compile(present, target, includeSupplement: supplement);
        foreach (var p in report.Problems) err.WriteLine($"vigie gazetteer import: {p}");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{target}: {report.Records} places, {report.Names} names, {new FileInfo(target).Length / 1e6:0.0} MB, in {report.Elapsed.TotalSeconds:0.0} s"));
        if (output == null) console.Out.WriteLine("vigie now uses this index instead of cities500 (delete it to go back).");
        return report.Problems.Count > 0 || missing.Count > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    private static Command CreateLookup()
    {
        var names = new Argument<string[]>("NAME") { Description = "Place names as a text writes them (\"près de Gao\" works too)", Arity = ArgumentArity.OneOrMore };
        var country = new Option<string[]>("--country")
        {
            Description = "ISO-2 codes of the countries the text is about, most salient first",
            HelpName = "CC",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("lookup", "Show where place names resolve, with the country context given") { names, country };
        CliHelp.SetExamples(command, "vigie gazetteer lookup Tripoli --country LB", "vigie gazetteer lookup \"camp de Yarmouk\" Qadam --country SY");
        command.SetAction(parse => Lookup(new LookupOptions(parse.GetValue(names) ?? [], parse.GetValue(country) ?? []), CommandOutput.Of(parse)));
        return command;
    }

    /// <summary>What <c>vigie gazetteer lookup</c> was asked: the names and the ISO-2 codes of the countries the text is about.</summary>
    public sealed record LookupOptions(string[] Names, string[] Countries);

    public static int Lookup(LookupOptions options, CommandOutput output)
    {
        var (names, countries) = (options.Names, options.Countries);
        var ctx = new GeoContext();
        foreach (var c in countries)
        {
            if (c.Length != 2 || !c.All(char.IsAsciiLetter)) throw new UsageException($"--country '{c}' is not an ISO-2 code (e.g. SY, ML)");
            ctx.Countries.Add(c.ToUpperInvariant());
        }
        // tab-separated, one line per name: easy to read and to cut
        var o = output.Out;
        o.WriteLine("name\tplace\tcountry\tadmin1\tlat\tlon\tgeonames_id\tkind\tprecision");
        var unknown = 0;
        foreach (var n in names)
        {
            var r = GazetteerGeocoder.Default.Resolve(n, PlaceRelation.In, null, ctx);
            if (r == null) { unknown++; o.WriteLine($"{n}\t(unknown)\t\t\t\t\t\t\t"); continue; }
            var l = r.Location;
            o.WriteLine(string.Join('\t', n, l.Name, l.Country ?? "", l.Admin1 ?? "",
                l.Lat?.ToString("0.####", CultureInfo.InvariantCulture) ?? "", l.Lon?.ToString("0.####", CultureInfo.InvariantCulture) ?? "",
                l.GeonamesId?.ToString(CultureInfo.InvariantCulture) ?? "", r.Kind.ToString().ToLowerInvariant(),
                l.Precision?.ToString(CultureInfo.InvariantCulture) ?? ""));
        }
        return unknown > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    private static Command CreateInfo()
    {
        var command = new Command("info", "Say which gazetteer index is in use, what it was compiled from, and its size");
        command.SetAction(parse => Info(CommandOutput.Of(parse)));
        return command;
    }

    public static int Info(CommandOutput output)
    {
        var g = Gazetteer.Default;
        var o = output.Out;
        o.WriteLine($"index:   {g.Path}");
        o.WriteLine($"places:  {g.RecordCount.ToString(CultureInfo.InvariantCulture)}");
        o.WriteLine($"names:   {g.NameCount.ToString(CultureInfo.InvariantCulture)}");
        o.WriteLine($"size:    {(new FileInfo(g.Path).Length / 1e6).ToString("0.0", CultureInfo.InvariantCulture)} MB");
        o.WriteLine($"made of: {g.Stamp}");
        return ExitCodes.Ok;
    }
}
