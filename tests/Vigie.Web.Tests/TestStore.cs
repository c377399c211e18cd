using Vigie.Model;
using Vigie.Readers;
using Vigie.Storage;
using Vigie.Storage.Sqlite;

namespace Vigie.Web.Tests;

/// <summary>
/// Builds a database for the tests through the store's write path: three dispatches written for
/// these tests (Syria, Mali, Iraq — the last one carries HTML/script markup in its text) with their
/// events stated by hand, and optionally the samples/ folder through the real ingest.
/// </summary>
public static class TestStore
{
    public const string DoumaText =
        "Douma, 3 mars 2019 (AFP) — Des frappes aériennes ont touché le marché central de Douma samedi matin, tuant au moins 12 civils, " +
        "selon l'Observatoire syrien des droits de l'homme. Les secours fouillaient encore les décombres en fin de journée.";

    public const string GaoText =
        "Gao, 14 juin 2020 — Des hommes armés ont attaqué un poste de l'armée malienne près de Gao dans la nuit de vendredi à samedi. " +
        "L'armée a annoncé la mort de 4 soldats.";

    public const string ScriptText =
        "Mosul, 9 May 2021 — <script>window.__vigieInjected = 1</script> A roadside bomb <img src=x onerror=\"window.__vigieInjected = 2\"> " +
        "hit a police patrol west of Mosul on Sunday, killing 2 policemen, officials said. Nobody claimed the attack.";

    public const string DoumaSentence = "Des frappes aériennes ont touché le marché central de Douma samedi matin";

    /// <summary>Creates <paramref name="dir"/>/vigie.db and returns its path.</summary>
    public static async Task<string> CreateAsync(string dir, bool withSamples = false)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "vigie.db");
        using var store = SqliteStore.Open(path);
        store.WriteBatch(
        [
            Item("test-douma", DoumaText, "fr", "2019-03-03", "AFP", new Event
            {
                Type = EventType.ExplosionsRemoteViolence, Subtype = EventSubtype.AirDroneStrike,
                Date = DateRange.Single(PartialDate.Parse("2019-03-02")),
                Location = new Location { Name = "Douma", Country = "SY", Admin1 = "Rif Dimashq", Lat = 33.5722, Lon = 36.4022, Precision = 1, Evidence = [Span(DoumaText, "Douma", 1)] },
                Actor1 = new Actor { Name = "Military Forces of Syria", Kind = ActorKind.StateForces, Country = "SY" },
                Actor2 = new Actor { Name = "Civilians (Syria)", Kind = ActorKind.Civilians, Country = "SY" },
                Fatalities = 12, Sources = ["OSDH"],
                Evidence = [Span(DoumaText, "Des frappes aériennes ont touché le marché central de Douma samedi matin, tuant au moins 12 civils")],
                FieldEvidence = new() { ["fatalities"] = [Span(DoumaText, "au moins 12 civils")], ["source"] = [Span(DoumaText, "l'Observatoire syrien des droits de l'homme")] },
            }),
            Item("test-gao", GaoText, "fr", "2020-06", "AFP", new Event
            {
                Type = EventType.Battles, Subtype = EventSubtype.ArmedClash,
                Date = DateRange.Single(PartialDate.Parse("2020-06-13")),
                Location = new Location { Name = "Gao", Country = "ML", Lat = 16.2717, Lon = -0.0447, Precision = 2 },
                Actor1 = new Actor { Name = "Unidentified Armed Group (Mali)", Kind = ActorKind.PoliticalMilitia, Country = "ML" },
                Actor2 = new Actor { Name = "Military Forces of Mali", Kind = ActorKind.StateForces, Country = "ML" },
                Fatalities = 4, Sources = ["armée malienne"],
                Evidence = [Span(GaoText, "Des hommes armés ont attaqué un poste de l'armée malienne près de Gao"), Span(GaoText, "la mort de 4 soldats")],
            }),
            Item("test-mosul-markup", ScriptText, "en", "2021-05-09", "Wire", new Event
            {
                Type = EventType.ExplosionsRemoteViolence, Subtype = EventSubtype.RemoteExplosiveLandmineIed,
                Date = DateRange.Single(PartialDate.Parse("2021-05-09")),
                Location = new Location { Name = "Mosul", Country = "IQ", Lat = 36.335, Lon = 43.1189, Precision = 3 },
                Actor2 = new Actor { Name = "Police Forces of Iraq", Kind = ActorKind.StateForces, Country = "IQ" },
                Fatalities = 2, Sources = ["officials"],
                Evidence = [Span(ScriptText, "<script>window.__vigieInjected = 1</script> A roadside bomb <img src=x onerror=\"window.__vigieInjected = 2\"> hit a police patrol")],
            }),
        ], "tests");
        if (withSamples && FindSamples() is { } samples)
            await new Ingestor(store).RunAsync([samples], new ReaderOptions());
        store.Refuse();
        return path;
    }

    /// <summary>The day inferred for the Gao dispatch, whose input gives only the month.</summary>
    public const string GaoInferredDay = "2020-06-14";

    private static Extracted Item(string id, string text, string lang, string date, string outlet, Event e)
    {
        var document = new Document(id, text) { Language = lang, Published = PartialDate.Parse(date), SourceOutlet = outlet, Title = $"Dispatch {id}" };
        var record = new DocumentRecord { Id = id, Lang = lang, Date = date, Text = text, Title = document.Title, Source = outlet, Events = [e], CasualtyReports = [] };
        if (id == "test-gao") record.DateResolved = new ResolvedDate { Date = PartialDate.Parse(GaoInferredDay), Reason = "dateline" };
        return new Extracted(document, record);
    }

    private static TextSpan Span(string text, string part, int occurrence = 0)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++) at = text.IndexOf(part, at + 1, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"'{part}' is not in the text");
        return new TextSpan(at, at + part.Length);
    }

    /// <summary>The repository's samples/ folder, found above the test binaries.</summary>
    public static string? FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")) && Directory.Exists(Path.Combine(dir.FullName, "samples")))
                return Path.Combine(dir.FullName, "samples");
        return null;
    }
}
