using System.Diagnostics;
using System.Text.Json;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Net;
using Vigie.Cli;
using Vigie.Cli.Service;
using Vigie.Model;
using Vigie.Queue;
using Vigie.Storage;
using Vigie.Storage.Postgres;

namespace Vigie.Tests;

/// <summary>
/// The queue path with real servers that go away while it works: a nats-server killed and restarted while
/// <c>vigie ingest --to</c> publishes, and a PostgreSQL server crashed and restarted under two workers. Each test
/// starts servers of its own (free ports, data in temporary folders); the shared ones are not touched.
/// </summary>
public class RestartTests
{
    private static readonly string[] Places = ["Alep", "Idleb", "Homs", "Hama", "Deraa", "Raqqa", "Gao", "Mopti", "Djibo", "Maiduguri"];

    private static string Text(int i) =>
        $"Au moins {i % 90 + 3} civils ont été tués mardi dans des frappes aériennes sur {Places[i % Places.Length]}, selon l'OSDH (dépêche {i}).";

    private static string WriteCorpus(string dir, int count)
    {
        var path = Path.Combine(dir, "corpus.jsonl");
        using var w = new StreamWriter(path);
        for (var i = 0; i < count; i++) w.WriteLine(Line(i));
        return path;
    }

    private sealed record Run(int ExitCode, string Out, string Err);

    private static Process StartVigie(params string[] args) => StartVigieOn(null, args);

    /// <summary>`vigie ARGS` as a child process, with the file <paramref name="stdin"/> (if any) as its standard input.</summary>
    private static Process StartVigieOn(string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin != null, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigie.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        if (stdin != null)
            _ = Task.Run(async () =>
            {
                await using (var input = File.OpenRead(stdin)) await input.CopyToAsync(p.StandardInput.BaseStream);
                p.StandardInput.Close();
            });
        return p;
    }

    private static async Task<Run> EndOf(Process p)
    {
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return new Run(p.ExitCode, await output, await error);
    }

    /// <summary>Every message of the stream, decoded: (document id, message id).</summary>
    private static async Task<List<(string Id, string? MsgId)>> ReadStream(INatsJSContext js, string stream)
    {
        var consumer = await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig("probe") { AckPolicy = ConsumerConfigAckPolicy.Explicit, MaxAckPending = 1_000_000 });
        var all = new List<(string, string?)>();
        while (true)
        {
            var before = all.Count;
            await foreach (var m in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 1000, Expires = TimeSpan.FromSeconds(1) }))
            {
                var d = DocumentMessage.Decode(m.Data, out var error) ?? throw new InvalidOperationException(error);
                all.Add((d.Id, m.Headers?["Nats-Msg-Id"].ToString()));
            }
            if (all.Count == before) break;
        }
        // a work-queue stream takes one consumer per subject: the workers' comes after this one
        await js.DeleteConsumerAsync(stream, "probe");
        return all;
    }

    private static string Line(int i) =>
        JsonSerializer.Serialize(new { id = $"n-{i}", date = $"2019-03-{1 + i % 28:D2}", lang = "fr", text = Text(i) });

    /// <summary>
    /// <c>vigie ingest - --to URL</c> fed through stdin: the first half of the corpus is published, then the second
    /// half is written while the server is killed under the publisher (which cannot end before stdin is closed).
    /// Returns the publisher and the task writing the second half.
    /// </summary>
    private static async Task<(Process Publisher, Task Remainder)> PublishAndKill(PrivateNats nats, string queue, int count, string? retrySeconds)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "vigie.dll"), "ingest", "-", "--input-format", "jsonl", "--to", nats.Url, "--queue", queue })
            psi.ArgumentList.Add(a);
        if (retrySeconds != null) psi.Environment["VIGIE_QUEUE_RETRY_SECONDS"] = retrySeconds;
        var publisher = Process.Start(psi)!;
        var stdin = publisher.StandardInput;
        for (var i = 0; i < count / 2; i++) await stdin.WriteLineAsync(Line(i));
        await stdin.FlushAsync();

        await using (var watch = new NatsConnection(new NatsOpts { Url = nats.Url, MaxReconnectRetry = 0 }))
        {
            var js = watch.CreateJetStreamContext();
            long held = 0;
            while (held < count / 4) // not all of the half: the reader may hold the last lines it got until more come
            {
                if (publisher.HasExited) Assert.Fail("the publisher ended before the server was killed: " + publisher.StandardError.ReadToEnd());
                try { held = (await js.GetStreamAsync(queue)).Info.State.Messages; }
                catch (NatsJSApiException) { } // the stream is not created yet
                await Task.Delay(20);
            }
        }
        var rest = Task.Run(async () =>
        {
            try
            {
                for (var i = count / 2; i < count; i++) await stdin.WriteLineAsync(Line(i));
                stdin.Close();
            }
            catch (IOException) { } // the publisher gave up and closed its end
        });
        nats.Kill();
        Assert.False(publisher.HasExited, "the publisher reads its input until stdin is closed");
        return (publisher, rest);
    }

    private static async Task<List<string>> StreamIds(PrivateNats nats, string queue, int count)
    {
        await using var c = new NatsConnection(new NatsOpts { Url = nats.Url });
        var stream = c.CreateJetStreamContext();
        Assert.Equal(count, (await stream.GetStreamAsync(queue)).Info.State.Messages);
        var messages = await ReadStream(stream, queue);
        var hashes = Enumerable.Range(0, count).Select(i => new Document($"n-{i}", Text(i)).ContentHash).ToHashSet(StringComparer.Ordinal);
        Assert.True(messages.All(m => m.MsgId != null && hashes.Contains(m.MsgId)), "every message id is its document's content hash");
        return messages.Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Queued plus dropped as re-sends, from ingest's "documents: Q queued, D already in the queue" line.</summary>
    private static int Published(string output)
    {
        var m = System.Text.RegularExpressions.Regex.Match(output, @"documents: (\d+) queued, (\d+) already in the queue");
        Assert.True(m.Success, output);
        return int.Parse(m.Groups[1].Value) + int.Parse(m.Groups[2].Value);
    }

    /// <summary>The canonical dump of a store (StoreDump), read through the port as the copy and migrate checks do.</summary>
    private static IReadOnlyList<string> Dump(string db)
    {
        using var store = StoreAccess.Open(db, mustExist: true);
        return StoreDump.Lines(store);
    }

    /// <summary>The documents of the worker tests, as a publisher sends them.</summary>
    private static List<Document> Documents(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => new Document($"{prefix}-{i}", Text(i)) { Language = "fr", Published = PartialDate.OfYear(2019) }).ToList();

    /// <summary>
    /// What an uninterrupted run stores: the same documents published to a queue of their own on <paramref name="natsUrl"/>
    /// and stored by one worker (as `vigie worker` builds it) into a new SQLite file; returns its dump.
    /// </summary>
    private static async Task<IReadOnlyList<string>> UninterruptedRun(string natsUrl, IEnumerable<Document> documents)
    {
        var settings = new QueueSettings { Url = natsUrl, Name = "ref" + Guid.NewGuid().ToString("N")[..12] };
        var dir = Directory.CreateTempSubdirectory("vigie-reference-").FullName;
        await using var queue = await DocumentQueue.OpenAsync(settings);
        try
        {
            foreach (var d in documents) Assert.True(await queue.PublishAsync(d));
            var db = Path.Combine(dir, "reference.db");
            using (var store = Vigie.Storage.Sqlite.SqliteStore.Open(db))
            {
                var sink = new StoreBatchSink(store, "reference", db) { Threads = 1, RefuseEachBatch = false };
                var done = await new QueueWorker(queue, sink, new WorkerOptions
                {
                    UntilEmpty = true, FetchWait = TimeSpan.FromSeconds(1), OnIdle = async c => await sink.RefuseIfPendingAsync(c),
                }).RunAsync();
                Assert.Equal(0, done.DeadLettered);
            }
            return Dump(db);
        }
        finally
        {
            await queue.JetStream.DeleteStreamAsync(settings.Stream);
            await queue.JetStream.DeleteStreamAsync(settings.DeadStream);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    /// <summary>Asserts two dumps are equal, naming the first line that differs.</summary>
    private static void AssertSameDump(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        Assert.Contains(expected, l => l.StartsWith("event\u001f", StringComparison.Ordinal));
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            if (expected[i] != actual[i]) Assert.Fail($"dumps differ at line {i + 1}:\n expected: {expected[i]}\n actual:   {actual[i]}");
        Assert.Equal(expected.Count, actual.Count);
    }

    private static IEnumerable<string> CorpusIds(int count) => Enumerable.Range(0, count).Select(i => $"n-{i}").Order(StringComparer.Ordinal);

    [Fact]
    public async Task Ingest_NatsKilledAndRestartedMidPublish_RetriesAndEveryDocumentIsInTheStreamOnceAndStoredAsAPlainIngestStoresIt()
    {
        const int count = 4_000;
        using var nats = new PrivateNats();
        var dir = Directory.CreateTempSubdirectory("vigie-restart-").FullName;
        try
        {
            var (publisher, rest) = await PublishAndKill(nats, "rq", count, retrySeconds: null);
            await Task.Delay(TimeSpan.FromSeconds(3)); // down for a while: the publisher retries meanwhile
            nats.Start();
            await rest;
            var first = await EndOf(publisher);
            Assert.True(first.ExitCode == 0, $"exit {first.ExitCode}: {first.Out} {first.Err}");
            Assert.Contains("documents: ", first.Out);

            // the same corpus again, from a file: the stream holds every document already and drops the re-sends by message id
            var corpus = WriteCorpus(dir, count);
            var second = await EndOf(StartVigie("ingest", corpus, "--to", nats.Url, "--queue", "rq"));
            Assert.True(second.ExitCode == 0, $"exit {second.ExitCode}: {second.Err}");
            Assert.Contains($"documents: 0 queued, {count} already in the queue", second.Out);
            Assert.Equal(CorpusIds(count), await StreamIds(nats, "rq", count));

            // what the stream holds makes the database a plain ingest of the corpus makes
            var stored = Path.Combine(dir, "workers.db");
            var worker = await EndOf(StartVigie("worker", "--from", nats.Url, "--queue", "rq", "--db", stored, "--until-empty", "--threads", "1"));
            Assert.True(worker.ExitCode == 0, $"exit {worker.ExitCode}: {worker.Err}");
            Assert.Contains($"{count} stored, 0 already known, 0 dead-lettered", worker.Out);
            // read from stdin as the publisher was, so that each document has the same origin (-:LINE)
            var plain = Path.Combine(dir, "plain.db");
            var ingest = await EndOf(StartVigieOn(corpus, "ingest", "-", "--input-format", "jsonl", "--db", plain, "--threads", "1"));
            Assert.True(ingest.ExitCode == 0, $"exit {ingest.ExitCode}: {ingest.Err}");
            AssertSameDump(Dump(plain), Dump(stored));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task Ingest_NatsGoneForGood_FailsWithTheQueueCodeAndARerunCompletesTheStream()
    {
        const int count = 4_000;
        using var nats = new PrivateNats();
        var dir = Directory.CreateTempSubdirectory("vigie-restart-").FullName;
        try
        {
            var (publisher, rest) = await PublishAndKill(nats, "gq", count, retrySeconds: "3");
            var failed = await EndOf(publisher);
            await rest;
            Assert.Equal(3, failed.ExitCode); // ErrorCatalogue.QueueFailed: ExitCode.Failure
            Assert.Contains("vigie: VIG-Q001: the document queue failed: ", failed.Err);
            Assert.Contains("did not take a message for 3 s", failed.Err);

            nats.Start();
            var corpus = WriteCorpus(dir, count);
            var again = await EndOf(StartVigie("ingest", corpus, "--to", nats.Url, "--queue", "gq"));
            Assert.True(again.ExitCode == 0, $"exit {again.ExitCode}: {again.Err}");
            Assert.Equal(count, Published(again.Out));
            Assert.Equal(CorpusIds(count), await StreamIds(nats, "gq", count));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>The store of a worker, counting the batches it could not take (the store was down).</summary>
    private sealed class CountingSink(IDocumentBatchSink inner) : IDocumentBatchSink
    {
        public int Failures;
        public async Task<IReadOnlyList<SinkItemResult>> StoreAsync(IReadOnlyList<Document> documents, CancellationToken cancel = default)
        {
            try { return await inner.StoreAsync(documents, cancel); }
            catch { Interlocked.Increment(ref Failures); throw; }
        }
    }

    [Fact]
    public async Task Workers_PostgresCrashedAndRestarted_EveryPublishedDocumentStoredOnce()
    {
        const int count = 400;
        using var pg = new PrivatePostgres();
        var nats = Environment.GetEnvironmentVariable("VIGIE_NATS") is { Length: > 0 } url ? url
            : throw new InvalidOperationException("VIGIE_NATS is not set: run scripts/services start and export what it prints (./test does it)");
        var settings = new QueueSettings { Url = nats, Name = "pr" + Guid.NewGuid().ToString("N")[..12] };
        await using var queue = await DocumentQueue.OpenAsync(settings);
        try
        {
            var documents = Documents("p", count);
            var published = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in documents)
            {
                Assert.True(await queue.PublishAsync(d));
                published.Add(d.ContentHash);
            }

            var stores = new[] { PostgresStore.Open(pg.Url), PostgresStore.Open(pg.Url) };
            var sinks = new List<CountingSink>();
            var runs = new List<Task<WorkerProgress>>();
            foreach (var (store, n) in stores.Select((s, n) => (s, n)))
            {
                // as `vigie worker` builds it (WorkerCommand), small batches so that the crash meets them at work
                var inner = new StoreBatchSink(store, $"restart-{n}", null) { Threads = 1, RefuseEachBatch = false };
                var sink = new CountingSink(inner);
                sinks.Add(sink);
                var worker = new QueueWorker(queue, sink, new WorkerOptions
                {
                    Batch = 4, UntilEmpty = true, FetchWait = TimeSpan.FromSeconds(1),
                    OnIdle = async c => await inner.RefuseIfPendingAsync(c),
                });
                runs.Add(Task.Run(() => worker.RunAsync()));
            }

            while (pg.Scalar("SELECT count(*) FROM documents") < count / 10)
            {
                if (runs.FirstOrDefault(r => r.IsCompleted) is { } ended) Assert.Fail("a worker ended before the crash: " + ended.Exception);
                await Task.Delay(20);
            }
            pg.Crash();
            // down until both workers met the dead store: their batches go back to the queue
            while (sinks.Any(s => Volatile.Read(ref s.Failures) == 0))
            {
                if (runs.FirstOrDefault(r => r.IsCompleted) is { } ended) Assert.Fail("a worker ended while the store was down: " + ended.Exception);
                await Task.Delay(50);
            }
            pg.Start();

            var done = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromMinutes(5));
            foreach (var s in stores) s.Dispose();

            Assert.Equal(count, pg.Scalar("SELECT count(*) FROM documents"));
            Assert.Equal(published.Order(StringComparer.Ordinal), pg.Column("SELECT content_hash FROM documents").Order(StringComparer.Ordinal));
            Assert.Equal(count, pg.Scalar("SELECT count(DISTINCT doc_id) FROM documents"));
            Assert.Equal(0, done.Sum(p => p.DeadLettered));
            Assert.Equal(count, done.Sum(p => p.Stored + p.Known)); // acknowledged once each after the store took it
            Assert.True(done.Sum(p => p.Redelivered) >= 1, "the batches handed back while the store was down came again");
            Assert.Equal(0, (await queue.JetStream.GetStreamAsync(settings.Stream)).Info.State.Messages);
            Assert.Equal(0, (await queue.JetStream.GetStreamAsync(settings.DeadStream)).Info.State.Messages);
            // documents, mentions, fused events and reports as a run without the crash leaves them
            AssertSameDump(await UninterruptedRun(nats, documents), Dump(pg.Url));
        }
        finally
        {
            await queue.JetStream.DeleteStreamAsync(settings.Stream);
            await queue.JetStream.DeleteStreamAsync(settings.DeadStream);
        }
    }

    [Fact]
    public async Task Workers_NatsKilledAndRestarted_ResumeAndStoreWhatAnUninterruptedRunStores()
    {
        const int count = 400;
        using var nats = new PrivateNats();
        using var pg = new PrivatePostgres();
        var settings = new QueueSettings { Url = nats.Url, Name = "wq" };
        var documents = Documents("w", count);
        await using (var publisher = await DocumentQueue.OpenAsync(settings))
            foreach (var d in documents) Assert.True(await publisher.PublishAsync(d));

        // two workers, each with its connection to the queue and to the store, as two `vigie worker` processes
        var queues = new List<DocumentQueue>();
        var stores = new List<PostgresStore>();
        var runs = new List<Task<WorkerProgress>>();
        try
        {
            for (var n = 0; n < 2; n++)
            {
                var queue = await DocumentQueue.OpenAsync(settings);
                queues.Add(queue);
                var store = PostgresStore.Open(pg.Url);
                stores.Add(store);
                var sink = new StoreBatchSink(store, $"nats-restart-{n}", null) { Threads = 1, RefuseEachBatch = false };
                var worker = new QueueWorker(queue, sink, new WorkerOptions
                {
                    // an acknowledgement lost with the server: its message comes back after this long
                    Batch = 4, UntilEmpty = true, FetchWait = TimeSpan.FromSeconds(1), AckWait = TimeSpan.FromSeconds(10),
                    OnIdle = async c => await sink.RefuseIfPendingAsync(c),
                });
                runs.Add(Task.Run(() => worker.RunAsync()));
            }

            while (pg.Scalar("SELECT count(*) FROM documents") < count / 10)
            {
                if (runs.FirstOrDefault(r => r.IsCompleted) is { } ended) Assert.Fail("a worker ended before the server was killed: " + ended.Exception);
                await Task.Delay(20);
            }
            nats.Kill();
            // down until the batches in hand are stored and nothing more comes: the workers have no queue to take from
            long stored = -1, now;
            while ((now = pg.Scalar("SELECT count(*) FROM documents")) != stored)
            {
                stored = now;
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
            Assert.InRange(stored, count / 10, count - 1);
            if (runs.FirstOrDefault(r => r.IsCompleted) is { } gone) Assert.Fail("a worker ended while the queue was down: " + gone.Exception);
            nats.Start();

            var done = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromMinutes(5));
            Assert.Equal(count, pg.Scalar("SELECT count(*) FROM documents"));
            Assert.Equal(count, pg.Scalar("SELECT count(DISTINCT content_hash) FROM documents"));
            Assert.Equal(0, done.Sum(p => p.DeadLettered));
            Assert.Equal(count, done.Sum(p => p.Stored)); // each stored once; an acknowledgement lost with the server comes back as known
            Assert.True(done.All(p => p.Batches > 0), "both workers took part");
            var js = queues[0].JetStream;
            var consumer = await js.GetConsumerAsync(settings.Stream, settings.Durable);
            Assert.True(consumer.Info is { NumPending: 0, NumAckPending: 0 }, "the workers' consumer has nothing left to deliver or to be acknowledged");
            Assert.Equal(0, (await js.GetStreamAsync(settings.DeadStream)).Info.State.Messages);
            // a SIGKILL can leave in the stream messages whose acknowledgement the consumer kept (the removal from the
            // work queue was not written): they are not delivered again, and each is a document stored
            await js.DeleteConsumerAsync(settings.Stream, settings.Durable);
            var storedIds = pg.Column("SELECT doc_id FROM documents").ToHashSet(StringComparer.Ordinal);
            Assert.All(await ReadStream(js, settings.Stream), m => Assert.Contains(m.Id, storedIds));
        }
        finally
        {
            foreach (var q in queues) await q.DisposeAsync();
            foreach (var s in stores) s.Dispose();
        }
        AssertSameDump(await UninterruptedRun(nats.Url, documents), Dump(pg.Url));
    }
}
