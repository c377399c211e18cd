using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Vigie.Model;
using Vigie.Queue;
using Vigie.Storage;

namespace Vigie.Tests;

/// <summary>The worker's contract with its sink, on the NATS server named by VIGIE_NATS: ack after the sink returns, dead letters with the error, a failing store hands the batch back.</summary>
public class QueueWorkerTests
{
    private static string NatsUrl =>
        Environment.GetEnvironmentVariable("VIGIE_NATS") is { Length: > 0 } url ? url
            : throw new InvalidOperationException("VIGIE_NATS is not set: run scripts/services start and export what it prints (./test does it)");

    /// <summary>A sink that fails as a whole the first <c>down</c> calls, fails the documents whose text holds "poison", and stores the rest.</summary>
    private sealed class ScriptedSink(int down) : IDocumentBatchSink
    {
        public readonly List<string> Stored = [];
        public int Calls;
        public Task<IReadOnlyList<SinkItemResult>> StoreAsync(IReadOnlyList<Document> documents, CancellationToken cancel = default)
        {
            if (++Calls <= down) throw new IOException("database unavailable");
            var results = documents.Select(d =>
            {
                if (d.Text.Contains("poison", StringComparison.Ordinal)) return new SinkItemResult(d, SinkOutcome.Failed, "extraction failed: poison pill");
                lock (Stored) Stored.Add(d.Id);
                return new SinkItemResult(d, SinkOutcome.Stored);
            }).ToList();
            return Task.FromResult<IReadOnlyList<SinkItemResult>>(results);
        }
    }

    [Fact]
    public async Task Worker_StoreDownThenUp_EveryDocumentStoredOnceAndThePoisonDeadLettered()
    {
        var settings = new QueueSettings { Url = NatsUrl, Name = "wt" + Guid.NewGuid().ToString("N")[..12] };
        await using var queue = await DocumentQueue.OpenAsync(settings);
        try
        {
            for (var i = 0; i < 10; i++) Assert.True(await queue.PublishAsync(new Document($"d{i}", $"Dépêche numéro {i}.") { Language = "fr" }));
            Assert.True(await queue.PublishAsync(new Document("bad", "poison") { Language = "fr" }));

            var sink = new ScriptedSink(down: 1);
            var idle = 0;
            var worker = new QueueWorker(queue, sink, new WorkerOptions
            {
                Batch = 4, UntilEmpty = true, FetchWait = TimeSpan.FromMilliseconds(200), // raised to the client's least, one second
                OnIdle = _ => { Interlocked.Increment(ref idle); return Task.CompletedTask; },
            });
            var done = await worker.RunAsync().WaitAsync(TimeSpan.FromMinutes(2));

            Assert.Equal(Enumerable.Range(0, 10).Select(i => $"d{i}").Order(StringComparer.Ordinal), sink.Stored.Order(StringComparer.Ordinal));
            Assert.Equal(10, done.Stored);
            Assert.Equal(1, done.DeadLettered);
            Assert.True(done.Redelivered >= 1, "the batch of the failed store came back");
            Assert.True(idle >= 1);

            var consumer = await queue.JetStream.CreateOrUpdateConsumerAsync(settings.DeadStream, new ConsumerConfig("probe") { AckPolicy = ConsumerConfigAckPolicy.Explicit });
            var letters = new List<INatsJSMsg<byte[]>>();
            await foreach (var m in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 10, Expires = TimeSpan.FromSeconds(1) })) letters.Add(m);
            var letter = Assert.Single(letters);
            Assert.Equal(settings.DeadSubjectFor("fr"), letter.Subject);
            Assert.Equal("extraction failed: poison pill", letter.Headers!["Vigie-Error"].ToString());
            Assert.Equal("poison", DocumentMessage.Decode(letter.Data, out _)!.Text);

            var stream = await queue.JetStream.GetStreamAsync(settings.Stream);
            Assert.Equal(0, stream.Info.State.Messages); // work-queue retention: acknowledged messages leave the stream
        }
        finally
        {
            await queue.JetStream.DeleteStreamAsync(settings.Stream);
            await queue.JetStream.DeleteStreamAsync(settings.DeadStream);
        }
    }

    [Fact]
    public async Task Worker_FullBatches_RebuildWithoutRenumberingUntilTheQueueRunsDry()
    {
        var settings = new QueueSettings { Url = NatsUrl, Name = "wb" + Guid.NewGuid().ToString("N")[..12] };
        await using var queue = await DocumentQueue.OpenAsync(settings);
        try
        {
            for (var i = 0; i < 12; i++) Assert.True(await queue.PublishAsync(new Document($"d{i}", $"Dépêche numéro {i}.") { Language = "fr" }));
            var sink = new ScriptedSink(down: 0);
            var calls = new List<string>();
            var worker = new QueueWorker(queue, sink, new WorkerOptions
            {
                // every full batch is past IdleEvery: a busy rebuild after each, an idle one once the queue runs dry and at the end
                Batch = 4, UntilEmpty = true, FetchWait = TimeSpan.FromMilliseconds(200), IdleEvery = TimeSpan.Zero,
                OnIdle = _ => { lock (calls) calls.Add("idle"); return Task.CompletedTask; },
                OnBusy = _ => { lock (calls) calls.Add("busy"); return Task.CompletedTask; },
            });
            var done = await worker.RunAsync().WaitAsync(TimeSpan.FromMinutes(2));

            Assert.Equal(12, done.Stored);
            Assert.Equal("busy", calls[0]); // the first batch was full: the events are brought up to date, not renumbered
            Assert.InRange(calls.Count(c => c == "busy"), 1, done.Batches);
            Assert.Equal("idle", calls[^1]); // the queue ran dry, the worker stopped: renumbered
        }
        finally
        {
            await queue.JetStream.DeleteStreamAsync(settings.Stream);
            await queue.JetStream.DeleteStreamAsync(settings.DeadStream);
        }
    }

    [Fact]
    public async Task Worker_RebuildFailsWhileTheStoreIsDown_WaitsAndGoesOn()
    {
        var settings = new QueueSettings { Url = NatsUrl, Name = "wi" + Guid.NewGuid().ToString("N")[..12] };
        await using var queue = await DocumentQueue.OpenAsync(settings);
        try
        {
            for (var i = 0; i < 6; i++) Assert.True(await queue.PublishAsync(new Document($"d{i}", $"Dépêche numéro {i}.") { Language = "fr" }));
            var sink = new ScriptedSink(down: 0);
            var rebuilds = 0;
            var worker = new QueueWorker(queue, sink, new WorkerOptions
            {
                Batch = 4, UntilEmpty = true, FetchWait = TimeSpan.FromMilliseconds(200),
                // the first rebuild (after the short second batch) meets a store that is down
                OnIdle = _ => Interlocked.Increment(ref rebuilds) == 1 ? throw new IOException("database unavailable") : Task.CompletedTask,
            });
            var done = await worker.RunAsync().WaitAsync(TimeSpan.FromMinutes(2));

            Assert.Equal(6, done.Stored);
            Assert.Equal(Enumerable.Range(0, 6).Select(i => $"d{i}").Order(StringComparer.Ordinal), sink.Stored.Order(StringComparer.Ordinal));
            Assert.Equal(1, worker.IdleFailures);
            Assert.True(rebuilds >= 2, "the rebuild ran again once the store was back");
        }
        finally
        {
            await queue.JetStream.DeleteStreamAsync(settings.Stream);
            await queue.JetStream.DeleteStreamAsync(settings.DeadStream);
        }
    }

    [Fact]
    public async Task Worker_StopAskedDuringTheIdleWork_StopsCleanlyWithWhatItStored()
    {
        // a stop (SIGTERM) that comes while the worker brings the events up to date between fetches ends the run with what it stored
        var settings = new QueueSettings { Url = NatsUrl, Name = "ws" + Guid.NewGuid().ToString("N")[..12] };
        await using var queue = await DocumentQueue.OpenAsync(settings);
        try
        {
            for (var i = 0; i < 3; i++) Assert.True(await queue.PublishAsync(new Document($"d{i}", $"Dépêche numéro {i}.") { Language = "fr" }));
            using var stop = new CancellationTokenSource();
            var worker = new QueueWorker(queue, new ScriptedSink(down: 0), new WorkerOptions
            {
                Batch = 4, UntilEmpty = true, FetchWait = TimeSpan.FromMilliseconds(200),
                // the stop comes during the idle work; the worker then asks the server with the stopped token
                OnIdle = _ => { stop.Cancel(); return Task.CompletedTask; },
            });
            var done = await worker.RunAsync(null, stop.Token).WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(3, done.Stored);
        }
        finally
        {
            await queue.JetStream.DeleteStreamAsync(settings.Stream);
            await queue.JetStream.DeleteStreamAsync(settings.DeadStream);
        }
    }
}
