using System.CommandLine;
using System.Text;
using Vigie.Export;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie export --format F</c>: the stored events as ACLED or UCDP CSV, GeoJSON or JSONL.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var format = CliOptions.Choice("--format", "acled-csv (ACLED columns and codes), ucdp-csv (GED-style best/low/high), geojson (FeatureCollection) or jsonl (events with every mention and evidence)", "jsonl", [.. EventExports.Formats]);
        var outFile = new Option<string?>("--out") { Description = "Write to this file instead of stdout", HelpName = "FILE" };
        var filters = new EventFilterOptions();
        var command = new Command("export", "Export the stored events (with the same filters as `vigie events`)") { format, outFile };
        filters.AddTo(command);
        CliHelp.SetExamples(command,
            "vigie export --format acled-csv --out events.csv",
            "vigie export --format geojson --country SY --out syria.geojson",
            "vigie export --format jsonl --from 2018-04-01 --to 2018-04-30");
        command.SetAction(parse =>
        {
            using var store = StoreAccess.Open(parse, mustExist: true);
            var events = store.Events(filters.Read(parse), withMentions: true);
            var path = parse.GetValue(outFile);
            if (string.IsNullOrEmpty(path))
            {
                EventExports.Write(parse.GetValue(format)!, events, parse.Out());
                return ExitCodes.Ok;
            }
            var full = Path.GetFullPath(path);
            var temp = full + ".part";
            using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
                EventExports.Write(parse.GetValue(format)!, events, writer);
            File.Move(temp, full, overwrite: true);
            parse.Err().WriteLine($"{events.Count} events written to {full}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
