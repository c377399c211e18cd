using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigie.Export;
using Vigie.Json;
using Vigie.Storage;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie events</c>: the fused events, filtered.</summary>
public static class EventsCommand
{
    public static Command Create()
    {
        var filters = new EventFilterOptions();
        var json = new Option<bool>("--json") { Description = "One JSON object per event (with its mentions) instead of a table" };
        var limit = new Option<int?>("--limit") { Description = "At most this many events", HelpName = "N" };
        var command = new Command("events", "List the stored events (each is the fusion of every report of it) with fatalities low/best/high");
        filters.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(limit);
        CliHelp.SetExamples(command,
            "vigie events --country SY --from 2018-04 --to 2018-05",
            "vigie events --type air_drone_strike --near 36.2,37.15,30",
            "vigie events --actor \"Islamic State\" --json");
        command.SetAction(parse =>
        {
            var options = new Options(GlobalOptions.Db(parse), filters.Read(parse) with { Limit = parse.GetValue(limit) }, parse.GetValue(json));
            using var store = StoreAccess.Open(options.Db, mustExist: true);
            return Run(store, options, CommandOutput.Of(parse));
        });
        return command;
    }

    /// <summary>What <c>vigie events</c> was asked: the database, the filters (with the limit), JSON lines or a table.</summary>
    public sealed record Options(string Db, EventFilter Filter, bool Json);

    public static int Run(IEventSource source, Options options, CommandOutput output)
    {
        var events = source.Events(options.Filter, withMentions: options.Json);
        if (options.Json) EventExports.Jsonl(events, output.Out);
        else
        {
            Table(events).Write(output);
            output.Out.WriteLine($"{events.Count} events");
        }
        return ExitCodes.Ok;
    }

    public static TextTable Table(IReadOnlyList<StoredEvent> events)
    {
        var t = new TextTable(
            new TextColumn("id", NoWrap: true), new TextColumn("date", 1, NoWrap: true), new TextColumn("type", 2), new TextColumn("place", 1),
            new TextColumn("country", 4), new TextColumn("actor 1", 3), new TextColumn("actor 2", 5), new TextColumn("killed (low/best/high)", 2, Right: true),
            new TextColumn("reports", 6, Right: true));
        foreach (var s in events)
        {
            var e = s.Event;
            t.Add(
                s.Id,
                Format.Date(e.Date),
                Format.Type(e),
                e.Location?.Name,
                e.Location?.Country,
                e.Actor1?.Name,
                e.Actor2?.Name,
                Format.Fatalities(s.FatalitiesLow, s.FatalitiesBest, s.FatalitiesHigh),
                s.MentionCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return t;
    }
}
