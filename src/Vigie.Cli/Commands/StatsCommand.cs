using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Export;

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
            using var store = StoreAccess.Open(parse, mustExist: true);
            var dimension = parse.GetValue(by) ?? "country";
            var events = store.Events(filters.Read(parse), withMentions: dimension == "source");
            var rows = EventStats.By(dimension, events);
            var total = EventStats.Total(events);
            if (parse.GetValue(json))
            {
                parse.Out().WriteLine(JsonSerializer.Serialize(new { by = dimension, groups = rows, total }, StatsJson));
                return ExitCodes.Ok;
            }
            Table(dimension, rows, total).Write(parse);
            return ExitCodes.Ok;
        });
        return command;
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
