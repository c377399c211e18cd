using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Export;
using Vigie.Storage;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie stats</c>: events and fatalities (low/best/high) per group.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var by = CliOptions.Choice("--by", "Group by country, month, event type, actor or source", "country", [.. EventStats.Dimensions]);
        var filters = new EventFilterOptions();
        var json = new Option<bool>("--json") { Description = "JSON instead of a table" };
        var command = new Command("stats", "Count events and sum their fatalities (low/best/high) per country, month, type, actor or source") { by };
        filters.AddTo(command, all: false);
        command.Options.Add(json);
        CliHelp.SetExamples(command, "vigie stats", "vigie stats --by month --country SY --from 2018", "vigie stats --by source --json");
        command.SetAction(parse =>
        {
            var options = new Options(GlobalOptions.Db(parse), parse.GetValue(by) ?? "country", filters.Read(parse), parse.GetValue(json));
            using var store = StoreAccess.Open(options.Db, mustExist: true);
            return Run(store, options, CommandOutput.Of(parse));
        });
        return command;
    }

    /// <summary>What <c>vigie stats</c> was asked: the database, the grouping, the filters, JSON or a table.</summary>
    public sealed record Options(string Db, string By, EventFilter Filter, bool Json);

    public static int Run(IEventSource source, Options options, CommandOutput output)
    {
        var events = source.Events(options.Filter, withMentions: options.By == "source");
        var rows = EventStats.By(options.By, events);
        var total = EventStats.Total(events);
        if (options.Json) output.Out.WriteLine(JsonSerializer.Serialize(new { by = options.By, groups = rows, total }, StatsJson));
        else Table(options.By, rows, total).Write(output);
        return ExitCodes.Ok;
    }

    private static readonly JsonSerializerOptions StatsJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static TextTable Table(string dimension, IReadOnlyList<StatsRow> rows, StatsRow total)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var t = new TextTable(new TextColumn(dimension), new TextColumn("events", Right: true), new TextColumn("killed low", 2, Right: true),
            new TextColumn("killed best", Right: true), new TextColumn("killed high", 2, Right: true));
        foreach (var r in rows.Append(total))
            t.Add(r.Group, r.Events.ToString(inv), r.Low.ToString(inv), r.Best.ToString(inv), r.High.ToString(inv));
        return t;
    }
}
