using System.Text.Json;
using Vigie.Cli;
using Vigie.Cli.Commands;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Tests.Commands;

/// <summary>
/// The commands that read events take typed options and any <see cref="IEventSource"/>: here an in-memory one,
/// no database, which also records the filter each command passes on.
/// </summary>
public class ReadCommandsTests
{
    private sealed class MemorySource(params StoredEvent[] events) : IEventSource
    {
        public List<(EventFilter Filter, bool WithMentions)> Asked { get; } = [];

        public IReadOnlyList<StoredEvent> Events(EventFilter filter, bool withMentions = false)
        {
            Asked.Add((filter, withMentions));
            return events.Where(e => filter.Country == null || e.Event.Location?.Country == filter.Country).ToList();
        }

        public StoredEvent? Event(string id) => events.FirstOrDefault(e => e.Id == id);
        public IReadOnlyList<StoredReport> Reports() => [];
    }

    private static StoredEvent Clash(string id, string country, string place, int killed) => new()
    {
        Id = id,
        Number = 1,
        FatalitiesLow = killed, FatalitiesBest = killed, FatalitiesHigh = killed,
        MentionCount = 1,
        Event = new Event
        {
            Type = EventType.Battles,
            Subtype = EventSubtype.ArmedClash,
            Date = DateRange.Single(PartialDate.Parse("2021-03-04")),
            Location = new Location { Name = place, Country = country, Lat = 14.3, Lon = -1.2, Precision = 1 },
            Fatalities = killed,
        },
        Mentions = [new StoredMention { DocumentHash = "h-" + id, DocumentId = "d-" + id, Source = "AFP", Reliability = 4, Fatalities = killed, Event = new Event() }],
    };

    private static readonly MemorySource Source = new(Clash("ev-aaaaaaaaaaaa", "ML", "Gao", 7), Clash("ev-bbbbbbbbbbbb", "BF", "Djibo", 3));

    private static (CommandOutput Output, StringWriter Out, StringWriter Err) Output()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        return (new CommandOutput(o, e), o, e);
    }

    [Fact]
    public void Events_WithACountry_ListsOnlyItsEventsAsTsv()
    {
        var source = new MemorySource(Clash("ev-aaaaaaaaaaaa", "ML", "Gao", 7), Clash("ev-bbbbbbbbbbbb", "BF", "Djibo", 3));
        var (output, o, _) = Output();
        var code = EventsCommand.Run(source, new EventsCommand.Options("unused.db", EventFilter.All with { Country = "ML" }, Json: false), output);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("ML", Assert.Single(source.Asked).Filter.Country);
        Assert.Contains("ev-aaaaaaaaaaaa\t", o.ToString());
        Assert.DoesNotContain("ev-bbbbbbbbbbbb", o.ToString());
        Assert.EndsWith("1 events" + Environment.NewLine, o.ToString());
    }

    [Fact]
    public void Stats_BySource_AsksForMentionsAndSumsTheFatalities()
    {
        var source = new MemorySource(Clash("ev-aaaaaaaaaaaa", "ML", "Gao", 7), Clash("ev-bbbbbbbbbbbb", "BF", "Djibo", 3));
        var (output, o, _) = Output();
        StatsCommand.Run(source, new StatsCommand.Options("unused.db", "country", EventFilter.All, Json: true), output);
        Assert.False(Assert.Single(source.Asked).WithMentions);
        using var json = JsonDocument.Parse(o.ToString());
        Assert.Equal(10, json.RootElement.GetProperty("total").GetProperty("best").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("groups").GetArrayLength());

        StatsCommand.Run(source, new StatsCommand.Options("unused.db", "source", EventFilter.All, Json: true), Output().Output);
        Assert.True(source.Asked[1].WithMentions);
    }

    [Fact]
    public void Export_ToAFile_WritesEveryEventAndSaysSoOnStderr()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigie-export-{Guid.NewGuid():N}.geojson");
        try
        {
            var (output, o, e) = Output();
            ExportCommand.Run(Source, new ExportCommand.Options("unused.db", "geojson", path, EventFilter.All), output);
            Assert.Equal("", o.ToString());
            Assert.Contains("2 events written to", e.ToString());
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal(2, json.RootElement.GetProperty("features").GetArrayLength());
            Assert.False(File.Exists(path + ".part"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Show_UnknownEvent_IsNotFound_AndAKnownOneNamesItsSource()
    {
        var e = Assert.Throws<NotFoundException>(() => ShowCommand.Run(Source, _ => null, new ShowCommand.Options("x.db", "ev-000000000000"), Output().Output));
        Assert.Contains("ev-000000000000", e.Message);

        var (output, o, _) = Output();
        Assert.Equal(ExitCodes.Ok, ShowCommand.Run(Source, _ => null, new ShowCommand.Options("x.db", "ev-bbbbbbbbbbbb"), output));
        Assert.Contains("Djibo", o.ToString());
        Assert.Contains("AFP", o.ToString());
    }

    [Fact]
    public void Show_AReportWhoseDayWasInferred_ShowsTheDayBesideTheMonth()
    {
        var ev = Clash("ev-cccccccccccc", "ML", "Gao", 2) with
        {
            Mentions = [new StoredMention { DocumentHash = "h-c", DocumentId = "d-c", Published = "2021-03", Source = "AFP", Reliability = 4, Event = new Event() }],
        };
        var (output, o, _) = Output();
        ShowCommand.Run(new MemorySource(ev), hash => hash == "h-c" ? new ShowCommand.ShownDocument("Texte.", "2021-03-05") : null,
            new ShowCommand.Options("x.db", ev.Id), output);
        Assert.Contains("2021-03 (day: 2021-03-05)", o.ToString());

        var (plain, p, _) = Output();
        ShowCommand.Run(new MemorySource(ev), _ => new ShowCommand.ShownDocument("Texte.", null), new ShowCommand.Options("x.db", ev.Id), plain);
        Assert.DoesNotContain("(day:", p.ToString());
    }
}
