using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Vigie.Lexicons;
using Vigie.Queue;

namespace Vigie.Tests.Commands;

/// <summary>
/// The queue end to end on the NATS server named by VIGIE_NATS (scripts/services start): documents
/// published with <c>vigie ingest --to</c>, stored by <c>vigie worker</c>s, compared with a plain
/// <c>vigie ingest</c> of the same input. Each test uses its own stream names, deleted afterwards.
/// </summary>
public class QueueTests
{
    private static string NatsUrl =>
        Environment.GetEnvironmentVariable("VIGIE_NATS") is { Length: > 0 } url ? url
            : throw new InvalidOperationException("VIGIE_NATS is not set: run scripts/services start and export what it prints (./test does it)");

    private sealed class Scene : IAsyncDisposable
    {
        public readonly string Queue = "vt" + Guid.NewGuid().ToString("N")[..12];
        public readonly string Dir = Directory.CreateTempSubdirectory("vigie-queue-").FullName;
        public string Db(string name) => Path.Combine(Dir, name + ".db");

        public async ValueTask DisposeAsync()
        {
            await using (var q = await DocumentQueue.OpenAsync(new QueueSettings { Url = NatsUrl, Name = Queue }))
            {
                await q.JetStream.DeleteStreamAsync(q.Settings.Stream);
                await q.JetStream.DeleteStreamAsync(q.Settings.DeadStream);
            }
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(Dir, true); } catch (IOException) { }
        }
    }

    /// <summary>What must be equal between two databases: the documents, the mentions and their events, the fused events and the casualty reports.</summary>
    private static string Snapshot(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        var sb = new StringBuilder();
        foreach (var sql in new[]
        {
            "SELECT content_hash, doc_id, date, lang FROM documents ORDER BY content_hash",
            "SELECT m.mention_key, m.event_id, m.type, m.fatalities FROM event_mentions m ORDER BY m.mention_key",
            "SELECT id, number, type, subtype, date_start, date_end, country, lat, lon, fatalities_low, fatalities_best, fatalities_high, mention_count FROM events ORDER BY id",
            "SELECT r.report_key, r.scope, (SELECT group_concat(h) FROM (SELECT d.content_hash AS h FROM casualty_report_mentions x JOIN documents d ON d.id = x.document_id WHERE x.report_id = r.id ORDER BY 1)) FROM casualty_reports r ORDER BY r.report_key",
            "SELECT r.report_key, f.outcome, f.victim_group, f.count, f.bound FROM figures f JOIN casualty_reports r ON r.id = f.report_id ORDER BY 1, 2, 3, 4, 5",
        })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++) sb.Append(r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                sb.Append('\n');
            }
            sb.Append("--\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// The canonical dump of a store (SQLite or PostgreSQL), republications left out: the queue drops a copy of a
    /// text before any worker sees it, where a plain ingest records it as a republication.
    /// </summary>
    private static List<string> Dump(string db)
    {
        using var store = Vigie.Cli.StoreAccess.Open(db, mustExist: true);
        return Vigie.Storage.StoreDump.Lines(store)
            .Where(l => !l.StartsWith("counts ", StringComparison.Ordinal) && !l.StartsWith("republication\u001f", StringComparison.Ordinal))
            .ToList();
    }

    private static long Count(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string[] Inputs() =>
    [
        Path.Combine(DataPaths.Root, "samples"),
        SharedPaths.Gold("seed.jsonl"), SharedPaths.Gold("dev.jsonl"), SharedPaths.Gold("dev2.jsonl"),
    ];

    [Fact]
    public async Task TwoWorkers_InputsPublishedTwice_EqualAPlainIngest()
    {
        await using var s = new Scene();
        var first = CliRun.Of(["ingest", .. Inputs(), "--to", NatsUrl, "--queue", s.Queue]);
        Assert.True(first.ExitCode == 0, first.Err);
        var queued = int.Parse(System.Text.RegularExpressions.Regex.Match(first.Out, @"documents: (\d+) queued, 0 already").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(queued > 60, first.Out);
        var again = CliRun.Of(["ingest", .. Inputs(), "--to", NatsUrl, "--queue", s.Queue]);
        Assert.Contains($"documents: 0 queued, {queued} already in the queue", again.Out);

        var db = s.Db("workers");
        var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            CliRun.Of("worker", "--from", NatsUrl, "--queue", s.Queue, "--db", db, "--until-empty", "--batch", "8", "--threads", "1"))).ToArray();
        var runs = await Task.WhenAll(workers);
        foreach (var r in runs) Assert.True(r.ExitCode == 0, r.Err + r.Out);
        // both took part, and between them stored every document once
        Assert.Equal(queued, runs.Sum(r => int.Parse(System.Text.RegularExpressions.Regex.Match(r.Out, @"batches: (\d+) stored").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

        var plain = s.Db("plain");
        var ingest = CliRun.Of(["ingest", .. Inputs(), "--db", plain]);
        Assert.Contains("documents: ", ingest.Out);
        Assert.Equal(queued, Count(plain, "SELECT count(*) FROM documents"));
        Assert.True(Count(plain, "SELECT count(*) FROM events") > 20);
        Assert.Equal(Snapshot(plain), Snapshot(db));
        Assert.Equal(Dump(plain), Dump(db));
    }

    [Fact]
    public async Task TwoWorkers_IntoPostgres_HoldWhatAPlainSqliteIngestHolds()
    {
        await using var s = new Scene();
        using var pg = new TestPostgres();
        var first = CliRun.Of(["ingest", .. Inputs(), "--to", NatsUrl, "--queue", s.Queue]);
        Assert.True(first.ExitCode == 0, first.Err);
        CliRun.Of(["ingest", .. Inputs(), "--to", NatsUrl, "--queue", s.Queue]);
        var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            CliRun.Of("worker", "--from", NatsUrl, "--queue", s.Queue, "--db", pg.Url, "--until-empty", "--batch", "8", "--threads", "1"))).ToArray();
        foreach (var r in await Task.WhenAll(workers)) Assert.True(r.ExitCode == 0, r.Err + r.Out);

        var plain = s.Db("plain");
        CliRun.Of(["ingest", .. Inputs(), "--db", plain]);
        var expected = Dump(plain);
        Assert.True(expected.Count(l => l.StartsWith("event\u001f", StringComparison.Ordinal)) > 20);
        Assert.Equal(expected, Dump(pg.Url));
    }

    [Fact]
    public async Task WatchTo_FeedItemsGoToTheQueueAndTheStateStaysInDb()
    {
        await using var s = new Scene();
        using var server = new Vigie.Tests.Watch.FeedServer();
        var body = string.Concat(Enumerable.Repeat("Des combats ont opposé l'armée aux jihadistes près de Gao, a indiqué une source militaire. ", 20));
        server.Serve("/feed.xml", Vigie.Tests.Watch.Answer.Text(Vigie.Tests.Watch.FeedServer.Rss("Fil Sahel",
            (server.Root + "/1", "Gao", "Au moins 9 soldats ont été tués lundi près de Gao. " + body, "Tue, 14 May 2019 08:00:00 GMT"),
            (server.Root + "/2", "Mopti", "Au moins 4 civils ont été tués mardi à Mopti. " + body, "Tue, 14 May 2019 09:00:00 GMT"))));
        var feeds = Path.Combine(s.Dir, "feeds.txt");
        File.WriteAllText(feeds, server.Root + "/feed.xml\n");
        var state = s.Db("state");
        string[] watch = ["watch", "--feeds", feeds, "--once", "--to", NatsUrl, "--queue", s.Queue, "--db", state, "--host-delay", "10ms"];

        var first = CliRun.Of(watch);
        Assert.True(first.ExitCode == 0, first.Err);
        Assert.Contains("2 new documents: 2 queued", first.Out);
        Assert.Contains("0 new documents", CliRun.Of(watch).Out);
        Assert.Equal(0, Count(state, "SELECT count(*) FROM documents"));
        Assert.Equal(2, Count(state, "SELECT count(*) FROM watch_seen WHERE key LIKE 'url:%'"));

        var db = s.Db("store");
        var worker = CliRun.Of("worker", "--from", NatsUrl, "--queue", s.Queue, "--db", db, "--until-empty");
        Assert.True(worker.ExitCode == 0, worker.Err);
        Assert.Equal(2, Count(db, "SELECT count(*) FROM documents"));
        Assert.Equal(1, Count(db, $"SELECT count(*) FROM documents WHERE url = '{server.Root}/1' AND doc_id = url"));
        Assert.True(Count(db, "SELECT count(*) FROM events") > 0);
    }

    [Fact]
    public async Task Worker_MessageThatIsNoDocument_GoesToTheDeadLetterSubjectWithItsError()
    {
        await using var s = new Scene();
        await using (var q = await DocumentQueue.OpenAsync(new QueueSettings { Url = NatsUrl, Name = s.Queue }))
        {
            var ack = await q.JetStream.PublishAsync(q.Settings.SubjectFor("fr"), "{\"id\": \"x\", \"text\": 42}"u8.ToArray());
            ack.EnsureSuccess();
        }
        var good = Path.Combine(s.Dir, "one.jsonl");
        File.WriteAllText(good, JsonSerializer.Serialize(new { id = "ok-1", date = "2019-05-14", lang = "fr", text = "Au moins 12 civils ont été tués mardi dans des frappes aériennes sur Idleb, selon l'OSDH." }) + "\n");
        Assert.Equal(0, CliRun.Of("ingest", good, "--to", NatsUrl, "--queue", s.Queue).ExitCode);

        var db = s.Db("w");
        var run = CliRun.Of("worker", "--from", NatsUrl, "--queue", s.Queue, "--db", db, "--until-empty");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("1 stored, 0 already known, 1 dead-lettered", run.Out);
        Assert.Equal(1, Count(db, "SELECT count(*) FROM documents"));

        await using var probe = await DocumentQueue.OpenAsync(new QueueSettings { Url = NatsUrl, Name = s.Queue });
        var consumer = await probe.JetStream.CreateOrUpdateConsumerAsync(probe.Settings.DeadStream, new ConsumerConfig("probe") { AckPolicy = ConsumerConfigAckPolicy.Explicit });
        var dead = new List<NATS.Client.JetStream.INatsJSMsg<byte[]>>();
        await foreach (var m in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 10, Expires = TimeSpan.FromSeconds(2) })) dead.Add(m);
        var letter = Assert.Single(dead);
        Assert.StartsWith(s.Queue + ".dead.", letter.Subject);
        Assert.Contains("not a document message", letter.Headers!["Vigie-Error"].ToString());
        Assert.Equal("{\"id\": \"x\", \"text\": 42}", Encoding.UTF8.GetString(letter.Data!));
    }

    [Fact]
    public async Task Worker_Sigterm_StopsCleanlyWithExitZero()
    {
        await using var s = new Scene();
        var db = s.Db("w");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "vigie.dll"), "worker", "--from", NatsUrl, "--queue", s.Queue, "--db", db })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var started = new TaskCompletionSource();
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data == null) return;
            lines.Enqueue(e.Data);
            if (e.Data.StartsWith("worker: taking documents", StringComparison.Ordinal)) started.TrySetResult();
        };
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        p.ErrorDataReceived += (_, e) => { if (e.Data != null) errors.Enqueue(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromMinutes(2));
            using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            p.WaitForExit(); // the last lines of output and errors
            Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}: {string.Join(" | ", errors)}");
            Assert.Contains(lines, l => l.StartsWith("worker: 0 batches", StringComparison.Ordinal));
        }
        finally { if (!p.HasExited) p.Kill(); }
    }

    /// <summary>Documents in a store, SQLite file or PostgreSQL database; 0 while its schema is not there yet.</summary>
    private static long StoredDocuments(string db, TestPostgres? pg)
    {
        if (pg == null)
            return File.Exists(db) && Count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'documents'") > 0 ? Count(db, "SELECT count(*) FROM documents") : 0;
        try { return Convert.ToInt64(pg.Scalar("SELECT count(*) FROM documents"), System.Globalization.CultureInfo.InvariantCulture); }
        catch (Npgsql.PostgresException) { return 0; } // the worker has not created the tables yet
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Worker_KilledMidBatch_DocumentsAreDeliveredAgainAndStoredOnce(string kind)
    {
        await using var s = new Scene();
        using var pg = kind == "postgres" ? new TestPostgres() : null;
        var corpus = Path.Combine(s.Dir, "corpus.jsonl");
        string[] places = ["Alep", "Idleb", "Homs", "Hama", "Deraa", "Gao", "Mopti", "Djibo"];
        await using (var w = new StreamWriter(corpus))
            for (var i = 0; i < 400; i++)
                await w.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    id = $"k-{i}", date = $"2019-03-{1 + i % 28:D2}", lang = "fr",
                    text = $"Au moins {i % 90 + 3} civils ont été tués mardi dans des frappes aériennes sur {places[i % places.Length]}, selon l'OSDH (dépêche {i}). "
                           + string.Concat(Enumerable.Repeat($"Des combats ont opposé l'armée aux jihadistes près de {places[(i + 3) % places.Length]}, a indiqué une source militaire. ", 30)),
                }));
        Assert.Equal(0, CliRun.Of("ingest", corpus, "--to", NatsUrl, "--queue", s.Queue).ExitCode);

        var db = pg?.Url ?? s.Db("killed");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "vigie.dll"), "worker", "--from", NatsUrl, "--queue", s.Queue, "--db", db, "--batch", "40", "--ack-wait", "3s", "--threads", "1" })
            psi.ArgumentList.Add(a);
        long storedAtKill;
        using (var p = Process.Start(psi)!)
        {
            p.OutputDataReceived += (_, _) => { };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            try
            {
                var deadline = DateTime.UtcNow.AddMinutes(3);
                while (DateTime.UtcNow < deadline && StoredDocuments(db, pg) == 0)
                    await Task.Delay(50);
                // the first batch is stored and acknowledged: give the worker the moment to take its next one, so that the kill
                // lands mid-batch (killed in the gap between two batches, it would hold nothing to be delivered again)
                await Task.Delay(300);
                p.Kill(); // SIGKILL: no chance to finish or hand anything back
                await p.WaitForExitAsync();
            }
            finally { if (!p.HasExited) p.Kill(); }
            storedAtKill = StoredDocuments(db, pg);
        }
        Assert.InRange(storedAtKill, 1, 399);

        var rest = CliRun.Of("worker", "--from", NatsUrl, "--queue", s.Queue, "--db", db, "--until-empty", "--ack-wait", "3s");
        Assert.True(rest.ExitCode == 0, rest.Err);
        var redelivered = int.Parse(System.Text.RegularExpressions.Regex.Match(rest.Out, @"(\d+) delivered again").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(redelivered > 0, rest.Out);

        var plain = s.Db("plain");
        CliRun.Of("ingest", corpus, "--db", plain);
        Assert.Equal(400, StoredDocuments(db, pg));
        if (pg == null) Assert.Equal(Snapshot(plain), Snapshot(db));
        // documents, mentions, fused events and reports as the uninterrupted ingest has them
        var expected = Dump(plain);
        Assert.True(expected.Count(l => l.StartsWith("event\u001f", StringComparison.Ordinal)) > 20);
        Assert.Equal(expected, Dump(db));
    }
}
