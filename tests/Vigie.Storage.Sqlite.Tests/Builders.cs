using Vigie.Model;
using Vigie.Storage;
using Vigie.Storage.Sqlite;

namespace Vigie.Tests;

/// <summary>Documents with hand-made extractions, to test the store without depending on the extractor.</summary>
public static class Builders
{
    public static Event Event(EventSubtype subtype, string day, string place, double lat, double lon, string country,
        int? killed = null, string? source = null, Actor? actor1 = null, Actor? actor2 = null) => new()
    {
        Type = Taxonomy.TypeOf(subtype),
        Subtype = subtype,
        Date = DateRange.Single(PartialDate.Parse(day)),
        Location = new Location { Name = place, Country = country, Lat = lat, Lon = lon, Precision = 1 },
        Actor1 = actor1,
        Actor2 = actor2,
        Fatalities = killed,
        Sources = source == null ? [] : [source],
        Evidence = [new TextSpan(0, 10)],
    };

    public static Extracted Doc(string id, string text, string published, params Event[] events)
    {
        var doc = new Document(id, text) { Published = PartialDate.Parse(published), Language = "fr", Origin = new Origin(id + ".jsonl", 1) };
        var record = RecordMapper.ToRecord(doc);
        record.Events = [.. events];
        record.CasualtyReports = [];
        return new Extracted(doc, record);
    }
}
