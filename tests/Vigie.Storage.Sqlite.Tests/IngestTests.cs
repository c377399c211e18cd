using Vigie.Errors;
using Vigie.Readers;
using Vigie.Storage;
using Vigie.Storage.Sqlite;

namespace Vigie.Tests;

public class IngestTests
{
    private static readonly string[] Tables = ["documents", "event_mentions", "events", "casualty_reports", "figures", "actors", "places"];

    private static async Task<IngestSummary> Ingest(SqliteStore store, params string[] paths) =>
        await new Ingestor(store) { Threads = 2, BatchSize = 3 }.RunAsync(paths, new ReaderOptions());

    private static Dictionary<string, long> Counts(SqliteStore s) => Tables.ToDictionary(t => t, s.Count);

    [Fact]
    public async Task Ingest_SeedTwice_StoresOneDocument()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var first = await Ingest(store, SharedPaths.Seed("afp-fr-2018-04-damas.txt"));
        var second = await Ingest(store, SharedPaths.Seed("afp-fr-2018-04-damas.txt"));
        Assert.Equal(1, first.New);
        Assert.Equal(0, second.New);
        Assert.Equal(1, second.Known);
        Assert.Equal(1, store.Count("documents"));
    }

    [Fact]
    public async Task Ingest_Reingest_ChangesNoRowCountsNorChecksum()
    {
        using var db = new TempDb();
        using var store = db.Open();
        await Ingest(store, SharedPaths.Seed("afp-fr-2018-04-damas.txt"), SharedPaths.Gold("dev.jsonl"));
        var counts = Counts(store);
        var checksum = store.Checksum();
        var again = await Ingest(store, SharedPaths.Gold("dev.jsonl"), SharedPaths.Seed("afp-fr-2018-04-damas.txt"));
        Assert.Equal(0, again.New);
        Assert.Equal(counts, Counts(store));
        Assert.Equal(checksum, store.Checksum());
    }

    [Fact]
    public async Task Ingest_WhitespaceDifferentCopy_IsAlreadyKnown()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var a = db.File("a.jsonl", """{"id":"w1","date":"2020-02-03","lang":"fr","text":"Trois civils ont été tués lundi à Idleb."}""");
        var b = db.File("b.jsonl", """{"id":"w1","date":"2020-02-03","lang":"fr","text":"  Trois civils  ont été\n tués lundi à Idleb. "}""");
        await Ingest(store, a);
        var checksum = store.Checksum();
        var second = await Ingest(store, b);
        Assert.Equal(1, second.Known);
        Assert.Equal(0, second.New);
        Assert.Equal(checksum, store.Checksum());
    }

    [Fact]
    public async Task Ingest_BatchWithBadInput_KeepsWhatWasStoredAndAddsTheGoodLines()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var good = db.File("good.jsonl",
            """{"id":"g1","date":"2021-06-01","lang":"fr","text":"Deux soldats ont été blessés mardi près de Gao."}""",
            """{"id":"g2","date":"2021-06-02","lang":"en","text":"A market was shelled on Wednesday in Idlib."}""");
        await Ingest(store, good);
        var before = store.Checksum();
        var docsBefore = store.Documents().Select(d => d.ContentHash).ToHashSet();

        var mixed = db.File("mixed.jsonl",
            """{"id":"m1","date":"2021-06-03","lang":"fr","text":"Un convoi a sauté sur une mine jeudi près de Djibo."}""",
            "{ this is not json",
            """{"id":"m3","date":"2021-13-40","lang":"fr"}""",
            """{"id":"m4","date":"2021-06-04","lang":"en","text":"Protesters gathered on Friday in Bamako."}""");
        var summary = await Ingest(store, mixed, Path.Combine(db.Dir, "missing.jsonl"));

        Assert.Equal(2, summary.New);
        Assert.True(summary.Rejected >= 3, $"rejected {summary.Rejected}");
        Assert.Contains(summary.Problems, p => p.Origin.File == mixed && p.Origin.Line == 2);
        Assert.Contains(summary.Problems, p => p.Origin.File == mixed && p.Origin.Line == 3);
        var docsAfter = store.Documents().Select(d => d.ContentHash).ToHashSet();
        Assert.Superset(docsBefore, docsAfter);
        Assert.Equal(4, docsAfter.Count);
        Assert.NotEqual(before, store.Checksum());
        Assert.True(store.Count("ingest_log") >= 7);
    }

    [Fact]
    public async Task Ingest_InterruptedBeforeFusion_NextRunRebuildsTheEvents()
    {
        using var db = new TempDb();
        var seed = SharedPaths.Seed("afp-fr-2018-04-damas.txt");
        long events;
        using (var store = db.Open())
        {
            await Ingest(store, seed);
            events = store.Count("events");
            // a run that stopped after its last batch but before fusion leaves mentions without events
            Microsoft.Data.Sqlite.SqliteConnection c = store.Connection;
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE event_mentions SET event_id = NULL; DELETE FROM events; INSERT INTO meta(key, value) VALUES ('fusion_pending', '1') ON CONFLICT(key) DO UPDATE SET value = '1';";
            cmd.ExecuteNonQuery();
        }
        using (var store = db.Open())
        {
            Assert.True(store.FusionPending);
            var again = await Ingest(store, seed);
            Assert.Equal(0, again.New);
            Assert.False(store.FusionPending);
            Assert.Equal(events, store.Count("events"));
        }
    }

    [Fact]
    public async Task Ingest_CancelledMidway_KeepsCommittedBatchesAndTheNextRunAddsTheRest()
    {
        using var db = new TempDb();
        var lines = Enumerable.Range(1, 30)
            .Select(i => $$"""{"id":"c{{i}}","date":"2022-03-{{(i % 28) + 1:D2}}","lang":"fr","text":"Dépêche {{i}} : des tirs ont été entendus dans la ville numéro {{i}}."}""")
            .ToArray();
        var file = db.File("many.jsonl", lines);
        using var store = db.Open();
        using var cts = new CancellationTokenSource();
        var progress = new Progress<IngestProgress>(p => { if (p.New > 0) cts.Cancel(); });
        var ingestor = new Ingestor(store) { Threads = 1, BatchSize = 2 };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingestor.RunAsync([file], new ReaderOptions(), new SyncProgress(p => { if (p.New > 0) cts.Cancel(); }), cts.Token));
        var stored = store.Count("documents");
        Assert.InRange(stored, 1, 29);
        var rest = await Ingest(store, file);
        Assert.Equal(30, store.Count("documents"));
        Assert.Equal(30 - stored, rest.New);
        Assert.Equal(stored, rest.Known);
        _ = progress;
    }

    [Fact]
    public async Task Ingest_PipelineThatCannotStart_StopsBeforeStoringAnything()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var broken = new Vigie.Pipeline.Pipeline([new Failing()]);
        var file = db.File("one.jsonl", """{"id":"b1","date":"2021-06-01","lang":"fr","text":"Deux soldats ont été blessés."}""");
        var e = await Assert.ThrowsAsync<StoreException>(() => new Ingestor(store, broken).RunAsync([file], new ReaderOptions()));
        Assert.Contains("VIG-S005", e.Message);
        Assert.Contains("lexicon missing", e.Message);
        Assert.Equal(0, store.Count("documents"));
    }

    private sealed class Failing : Vigie.Pipeline.IComponent
    {
        public string Name => "failing";
        public IReadOnlyList<Type> Requires => [];
        public IReadOnlyList<Type> Assigns => [];
        public void Process(Vigie.Model.Document doc) => throw new FormatException("lexicon missing");
    }

    private sealed class SyncProgress(Action<IngestProgress> a) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => a(value);
    }

    [Fact]
    public async Task Ingest_SameTextOtherOutletAndDate_IsARepublicationNotExtractedTwice()
    {
        using var db = new TempDb();
        using var store = db.Open();
        const string text = "Trois civils ont été tués lundi à Idleb dans un bombardement.";
        var a = db.File("a.jsonl", $$"""{"id":"afp-1","date":"2020-02-03","lang":"fr","source":"AFP","url":"https://a.example/1","text":"{{text}}"}""");
        var b = db.File("b.jsonl", string.Join('\n',
            $$"""{"id":"rfi-9","date":"2020-02-04","lang":"fr","source":"RFI","url":"https://b.example/9","text":"{{text}}"}""",
            $$"""{"id":"afp-1","date":"2020-02-03","lang":"fr","source":"AFP","url":"https://a.example/1","text":"{{text}}"}""",
            $$"""{"id":"lm-2","date":"2020-02-05","lang":"fr","source":"Le Monde","text":"{{text}}"}"""));
        await Ingest(store, a);
        var mentions = store.Count("event_mentions");
        var second = await Ingest(store, b);
        Assert.Equal(0, second.New);
        Assert.Equal(2, second.Republications);
        Assert.Equal(1, second.Known);
        Assert.Equal(2, second.RepublicationsByFile[b]);
        Assert.Equal(1, store.Count("documents"));
        Assert.Equal(mentions, store.Count("event_mentions"));
        var hash = Vigie.Model.Document.ComputeContentHash(text);
        var copies = store.Republications(hash);
        Assert.Equal(["rfi-9", "lm-2"], copies.Select(c => c.DocId));
        Assert.Equal(["RFI", "Le Monde"], copies.Select(c => c.Source));
        Assert.Equal(["2020-02-04", "2020-02-05"], copies.Select(c => c.Date));
        Assert.Equal("https://b.example/9", copies[0].Url);

        // a re-run records nothing twice
        var checksum = store.Checksum();
        var third = await Ingest(store, b);
        Assert.Equal(0, third.Republications);
        Assert.Equal(3, third.Known);
        Assert.Equal(checksum, store.Checksum());
    }

    [Fact]
    public async Task Ingest_RepublicationInTheSameRun_RecordedAfterItsFirstCopy()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var lines = Enumerable.Range(0, 7).Select(i => $$"""{"id":"d{{i}}","date":"2020-02-03","lang":"fr","text":"Texte {{i % 3}} : des tirs ont visé Gao."}""");
        var f = db.File("mixed.jsonl", string.Join('\n', lines));
        var s = await Ingest(store, f);
        Assert.Equal(3, s.New);
        Assert.Equal(4, s.Republications);
        Assert.Equal(0, s.Known);
    }

    [Fact]
    public async Task Ingest_SameIdOtherText_KeptAsAnotherVersionWithAWarning()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var a = db.File("a.jsonl", """{"id":"x1","date":"2020-02-03","lang":"fr","text":"Deux soldats ont été tués à Gao."}""");
        var b = db.File("b.jsonl", """{"id":"x1","date":"2020-02-03","lang":"fr","text":"Trois soldats ont été tués à Gao, selon un nouveau bilan."}""");
        await Ingest(store, a);
        var second = await Ingest(store, b);
        Assert.Equal(1, second.New);
        Assert.Equal(2, store.Count("documents"));
        var w = Assert.Single(second.Problems);
        Assert.Equal(ProblemSeverity.Warning, w.Severity);
        Assert.StartsWith(ErrorCatalogue.OtherVersion.Code, w.Message);
        Assert.Contains("'x1'", w.Message);
        Assert.Equal(b, w.Origin.File);
    }
}
