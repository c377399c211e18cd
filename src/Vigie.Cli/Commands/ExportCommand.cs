using System.CommandLine;
using System.Text;
using Vigie.Export;
using Vigie.Storage;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie export --format F</c>: the stored events as ACLED or UCDP CSV, GeoJSON or JSONL.</summary>
public static class ExportCommand
{
    /// <summary>What <c>vigie export</c> was asked: the database, the format, the file (null: standard output) and the filters.</summary>
    public sealed record Options(string Db, string Format, string? OutFile, EventFilter Filter);

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
            var options = new Options(GlobalOptions.Db(parse), parse.GetValue(format)!, parse.GetValue(outFile), filters.Read(parse));
            using var store = StoreAccess.Open(options.Db, mustExist: true);
            return Run(store, options, CommandOutput.Of(parse));
        });
        return command;
    }

    /// <summary>
    /// The time an export says it was made (ACLED's <c>timestamp</c> column): <c>SOURCE_DATE_EPOCH</c> (Unix seconds) when it is
    /// set, so that two exports of the same store give the same bytes; otherwise now. A value that is not a number is ignored.
    /// </summary>
    public static DateTimeOffset ExportTime(string? sourceDateEpoch = null)
    {
        var epoch = sourceDateEpoch ?? Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        return long.TryParse(epoch, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow;
    }

    /// <summary>Writes the events of <paramref name="source"/> that match the filters, to the file through a temporary one (a failed run leaves no half file).</summary>
    public static int Run(IEventSource source, Options options, CommandOutput output)
    {
        var events = source.Events(options.Filter, withMentions: true);
        var at = ExportTime();
        if (string.IsNullOrEmpty(options.OutFile))
        {
            EventExports.Write(options.Format, events, output.Out, at);
            return ExitCodes.Ok;
        }
        var full = Path.GetFullPath(options.OutFile);
        var temp = full + ".part";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
            EventExports.Write(options.Format, events, writer, at);
        File.Move(temp, full, overwrite: true);
        output.Err.WriteLine($"{events.Count} events written to {full}");
        return ExitCodes.Ok;
    }
}
