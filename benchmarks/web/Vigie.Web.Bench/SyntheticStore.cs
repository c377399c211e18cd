using Vigie.Model;
using Vigie.Storage;
using Vigie.Storage.Sqlite;

namespace Vigie.Web.Bench;

/// <summary>
/// Writes a database of synthetic events through the store's own write path (documents, mentions,
/// fusion). Places, dates, types and actors are drawn with a fixed seed so that runs compare.
/// </summary>
public static class SyntheticStore
{
    private sealed record Area(string Country, string Place, double Lat, double Lon, double Spread);

    // Rough boxes around places often in the news (coordinates: approximate town centres).
    private static readonly Area[] Areas =
    [
        new("SY", "Damas", 33.51, 36.29, 1.5), new("SY", "Alep", 36.20, 37.16, 1.2), new("SY", "Deir ez-Zor", 35.33, 40.14, 1.5),
        new("IQ", "Mossoul", 36.34, 43.13, 1.2), new("IQ", "Bagdad", 33.31, 44.36, 1.5), new("AF", "Kandahar", 31.61, 65.71, 2.0),
        new("YE", "Hodeïda", 14.80, 42.95, 1.5), new("ML", "Gao", 16.27, -0.04, 2.5), new("BF", "Djibo", 14.10, -1.63, 2.0),
        new("NE", "Tillabéri", 14.21, 1.45, 2.0), new("LY", "Tripoli", 32.89, 13.19, 1.5), new("SD", "El Fasher", 13.63, 25.35, 2.5),
        new("NG", "Maiduguri", 11.85, 13.16, 2.0), new("SO", "Mogadiscio", 2.04, 45.34, 1.5), new("CD", "Beni", 0.49, 29.47, 1.5),
    ];

    private static readonly string[] Actors = ["armée régulière", "État islamique", "milice locale", "forces gouvernementales", "groupe armé", "rebelles"];
    private static readonly string[] Sources = ["OSDH", "AFP", "ONU", "armée", "Reuters", "témoins"];

    public static int Fill(string path, int events, int eventsPerDocument = 4)
    {
        if (File.Exists(path)) File.Delete(path);
        using var store = SqliteStore.Open(path);
        return Fill(store, events, eventsPerDocument);
    }

    /// <summary>Fills an empty store of any kind (a PostgreSQL database for <c>--db postgres://…</c>).</summary>
    public static int Fill(IStore store, int events, int eventsPerDocument = 4)
    {
        var random = new Random(20181);
        var types = Enum.GetValues<EventSubtype>();
        var start = new DateOnly(2017, 1, 1);
        var batch = new List<Extracted>(200);
        var written = 0;
        for (var doc = 0; written < events; doc++)
        {
            var text = new System.Text.StringBuilder();
            var record = new DocumentRecord { Id = $"bench-{doc:D6}", Lang = "fr", Events = [] };
            var day = start.AddDays(random.Next(0, 3 * 365));
            for (var k = 0; k < eventsPerDocument && written < events; k++, written++)
            {
                var area = Areas[random.Next(Areas.Length)];
                var subtype = types[random.Next(types.Length)];
                var killed = random.Next(0, 4) == 0 ? (int?)null : random.Next(0, 60);
                var source = Sources[random.Next(Sources.Length)];
                var sentenceStart = text.Length;
                text.Append($"Le {day:dd/MM/yyyy}, un incident ({subtype}) a eu lieu près de {area.Place}, faisant {killed?.ToString() ?? "un nombre inconnu de"} morts selon {source}. ");
                record.Events.Add(new Event
                {
                    Type = Taxonomy.TypeOf(subtype),
                    Subtype = subtype,
                    Date = DateRange.Single(PartialDate.OfDay(day)),
                    Location = new Location
                    {
                        Name = $"{area.Place} {k}", Country = area.Country, Precision = 2,
                        Lat = Math.Round(area.Lat + (random.NextDouble() - 0.5) * area.Spread, 4),
                        Lon = Math.Round(area.Lon + (random.NextDouble() - 0.5) * area.Spread, 4),
                    },
                    Actor1 = new Actor { Name = Actors[random.Next(Actors.Length)], Kind = ActorKind.StateForces, Country = area.Country },
                    Actor2 = new Actor { Name = Actors[random.Next(Actors.Length)], Kind = ActorKind.RebelGroup },
                    Fatalities = killed,
                    Sources = [source],
                    Evidence = [new TextSpan(sentenceStart, text.Length - 1)],
                });
            }
            record.Text = text.ToString();
            var document = new Document(record.Id, record.Text) { Published = PartialDate.OfDay(day), Language = "fr", SourceOutlet = "AFP" };
            batch.Add(new Extracted(document, record));
            if (batch.Count == 200) { store.WriteBatch(batch, "bench"); batch.Clear(); }
        }
        if (batch.Count > 0) store.WriteBatch(batch, "bench");
        return store.Refuse();
    }
}
