using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Vigie.Export;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Tests.Export;

public class EventExportsTests
{
    private static readonly Location Maarat = new() { Name = "Maarat al-Noman", Country = "SY", Admin1 = "Idlib", Lat = 35.6481, Lon = 36.6742, Precision = 1 };

    private static StoredEvent Strike() => Strike("ev-0123456789ab", Maarat);

    private static StoredEvent Strike(string id, Location? location) => new()
    {
        Id = id,
        Number = 7,
        FatalitiesLow = 6, FatalitiesBest = 11, FatalitiesHigh = 14,
        MentionCount = 2,
        Event = new Event
        {
            Type = EventType.ExplosionsRemoteViolence,
            Subtype = EventSubtype.AirDroneStrike,
            Date = DateRange.Single(PartialDate.Parse("2019-05-20")),
            Location = location,
            Actor1 = new Actor { Name = "Military Forces of Syria", Kind = ActorKind.StateForces, Country = "SY" },
            Actor2 = new Actor { Name = "Civilians (Syria)", Kind = ActorKind.Civilians, Country = "SY" },
            Fatalities = 11,
        },
        Mentions =
        [
            new StoredMention { DocumentHash = "h1", DocumentId = "d1", Source = "OSDH", Reliability = 5, Fatalities = 11, Event = new Event() },
            new StoredMention { DocumentHash = "h2", DocumentId = "d2", Source = "SANA", Reliability = 1, Fatalities = 6, Event = new Event() },
        ],
    };

    [Fact]
    public void AcledCsv_OneEvent_ReadBackWithTheExactHeaderAndCodes()
    {
        var sw = new StringWriter();
        EventExports.AcledCsv([Strike()], sw, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var csv = new CsvReader(new StringReader(sw.ToString()), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.Equal(EventExports.AcledColumns, csv.HeaderRecord);
        Assert.True(csv.Read());
        Assert.Equal("SYR-0123456789ab", csv.GetField("event_id_cnty"));
        Assert.Equal("2019-05-20", csv.GetField("event_date"));
        Assert.Equal("1", csv.GetField("time_precision"));
        Assert.Equal("Explosions/Remote violence", csv.GetField("event_type"));
        Assert.Equal("Air/drone strike", csv.GetField("sub_event_type"));
        Assert.Equal("1", csv.GetField("inter1"));
        Assert.Equal("7", csv.GetField("inter2"));
        Assert.Equal("17", csv.GetField("interaction"));
        Assert.Equal("Civilian targeting", csv.GetField("civilian_targeting"));
        Assert.Equal("760", csv.GetField("iso"));
        Assert.Equal("Middle East", csv.GetField("region"));
        Assert.Equal("Syria", csv.GetField("country"));
        Assert.Equal("11", csv.GetField("fatalities"));
        Assert.Equal("OSDH; SANA", csv.GetField("source"));
        Assert.Equal("1700000000", csv.GetField("timestamp"));
        Assert.False(csv.Read());
    }

    private static List<Dictionary<string, string>> ReadAcled(params StoredEvent[] events)
    {
        var sw = new StringWriter();
        EventExports.AcledCsv(events, sw, DateTimeOffset.UnixEpoch);
        using var csv = new CsvReader(new StringReader(sw.ToString()), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.Equal(EventExports.AcledColumns, csv.HeaderRecord);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(EventExports.AcledColumns.ToDictionary(c => c, c => csv.GetField(c) ?? ""));
        return rows;
    }

    [Fact]
    public void AcledCsv_EventId_IsTheIso3AndTheVigieIdAndLeadsBackToIt()
    {
        var rows = ReadAcled(Strike() with { Number = 7 });
        var again = ReadAcled(Strike() with { Number = 99 });
        Assert.Equal("SYR-0123456789ab", rows[0]["event_id_cnty"]);
        Assert.Equal(rows[0]["event_id_cnty"], again[0]["event_id_cnty"]);
        Assert.Equal("ev-0123456789ab", EventExports.EventIdOfAcled(rows[0]["event_id_cnty"]));
    }

    [Theory]
    [InlineData("ev-0123456789ab")]
    [InlineData("12")]
    [InlineData("SYR7")]
    [InlineData("SYR-0123456789AB")]
    [InlineData("SY-0123456789ab")]
    public void EventIdOfAcled_OtherForms_Null(string text) => Assert.Null(EventExports.EventIdOfAcled(text));

    [Fact]
    public void AcledCsv_NoCountryOrAnUnlistedOne_IsoZeroNeverEmpty()
    {
        // a place the gazetteer does not know keeps its name and no country ("Mhardeh" in the samples)
        var unplaced = Strike("ev-95fc6179866b", new Location { Name = "Mhardeh", Precision = 1 });
        var unlocated = Strike("ev-aaaaaaaaaaaa", null);
        var unlisted = Strike("ev-bbbbbbbbbbbb", new Location { Name = "Nuuk", Country = "GL", Precision = 1 });
        var rows = ReadAcled(Strike(), unplaced, unlocated, unlisted);
        Assert.All(rows, r => int.Parse(r["iso"], NumberStyles.None, CultureInfo.InvariantCulture));
        Assert.Equal(["760", "0", "0", "0"], rows.Select(r => r["iso"]));
        Assert.Equal(["SYR-0123456789ab", "XXX-95fc6179866b", "XXX-aaaaaaaaaaaa", "XXX-bbbbbbbbbbbb"], rows.Select(r => r["event_id_cnty"]));
        Assert.Equal("GL", rows[3]["country"]);
    }

    [Fact]
    public void AcledCsv_UnknownToll_ZeroWithATag()
    {
        var unknown = Strike() with { FatalitiesLow = null, FatalitiesBest = null, FatalitiesHigh = null };
        var agreed = Strike() with { FatalitiesLow = 11, FatalitiesHigh = 11 };
        var rows = ReadAcled(unknown, agreed, Strike());
        Assert.Equal(["0", "11", "11"], rows.Select(r => r["fatalities"]));
        Assert.Equal(["fatalities unknown", "", "fatalities low 6; fatalities high 14"], rows.Select(r => r["tags"]));
    }

    [Theory]
    [InlineData(1, 2, "12")]
    [InlineData(2, 1, "12")]
    [InlineData(1, 0, "10")]
    [InlineData(0, 7, "70")]
    [InlineData(0, 0, "")]
    public void Interaction_TwoInterCodes_SmallerFirst(int inter1, int inter2, string expected) =>
        Assert.Equal(expected, AcledVocabulary.Interaction(inter1, inter2));

    [Fact]
    public void GeoJson_OneEvent_ParsesAsAFeatureCollectionWithLonLat()
    {
        var sw = new StringWriter();
        EventExports.GeoJson([Strike()], sw);
        using var doc = JsonDocument.Parse(sw.ToString());
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        var f = doc.RootElement.GetProperty("features")[0];
        var coords = f.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(36.6742, coords[0].GetDouble(), 4);
        Assert.Equal(35.6481, coords[1].GetDouble(), 4);
        Assert.Equal(14, f.GetProperty("properties").GetProperty("fatalities_high").GetInt32());
    }

    [Fact]
    public void UcdpCsv_OneEvent_HasBestLowHighAndOneSidedViolence()
    {
        var sw = new StringWriter();
        EventExports.UcdpCsv([Strike()], sw);
        using var csv = new CsvReader(new StringReader(sw.ToString()), CultureInfo.InvariantCulture);
        csv.Read(); csv.ReadHeader();
        Assert.Equal(EventExports.UcdpColumns, csv.HeaderRecord);
        csv.Read();
        Assert.Equal("3", csv.GetField("type_of_violence"));
        Assert.Equal(("11", "6", "14"), (csv.GetField("best"), csv.GetField("low"), csv.GetField("high")));
        Assert.Equal("1", csv.GetField("date_prec"));
    }

    [Fact]
    public void Jsonl_OneEvent_KeepsEveryMentionAndClaim()
    {
        var sw = new StringWriter();
        EventExports.Jsonl([Strike()], sw);
        using var doc = JsonDocument.Parse(sw.ToString().Trim());
        Assert.Equal(2, doc.RootElement.GetProperty("mentions").GetArrayLength());
        Assert.Equal(6, doc.RootElement.GetProperty("mentions")[1].GetProperty("fatalities").GetInt32());
        Assert.Equal(11, doc.RootElement.GetProperty("fatalities").GetProperty("best").GetInt32());
    }

    [Fact]
    public void Stats_ByCountry_SumsLowBestHigh()
    {
        var rows = EventStats.By("country", [Strike(), Strike() with { FatalitiesLow = null, FatalitiesBest = null, FatalitiesHigh = null }]);
        var sy = Assert.Single(rows);
        Assert.Equal(new StatsRow("SY", 2, 6, 11, 14), sy);
    }

    [Fact]
    public void Stats_BySource_CountsAnEventUnderEachSource()
    {
        var rows = EventStats.By("source", [Strike()]);
        Assert.Equal(["OSDH", "SANA"], rows.Select(r => r.Group).Order());
    }
}
