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
            Terminal.Console(parse).Write(Table(dimension, rows, total));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static readonly JsonSerializerOptions StatsJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Table Table(string dimension, IReadOnlyList<StatsRow> rows, StatsRow total)
    {
        var t = new Table().Border(TableBorder.Simple).AddColumns(dimension, "events", "killed low", "killed best", "killed high");
        foreach (var c in t.Columns.Skip(1)) c.RightAligned();
        foreach (var r in rows.Append(total))
            t.AddRow(Markup.Escape(r.Group), r.Events.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Low.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Best.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.High.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return t;
    }
}
