using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Queue;

/// <summary>Settings of a worker.</summary>
public sealed class WorkerOptions
{
    /// <summary>Messages taken at once; they are extracted together and stored in one transaction.</summary>
    public int Batch { get; init; } = 32;
    /// <summary>Messages handed to all the workers and not acknowledged yet, at most (the consumer's MaxAckPending).</summary>
    public int MaxInFlight { get; init; } = 256;
    /// <summary>A message not acknowledged within this time (a worker that died) is delivered again.</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>How long one fetch waits for messages when the queue is empty (at least one second).</summary>
    public TimeSpan FetchWait { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Stop when no message is waiting and none is being worked on by any worker.</summary>
    public bool UntilEmpty { get; init; }
    /// <summary>Called when the queue is empty (a fetch brings nothing, no document waits and no worker holds one) and when the worker stops: the store brings its events up to date and numbers them.</summary>
    public Func<CancellationToken, Task>? OnIdle { get; init; }
    /// <summary>
    /// Called after a short batch, at least every <see cref="IdleEvery"/> while full batches keep coming, and when a fetch
    /// brings nothing while documents wait or other workers hold some: the store brings its events up to date without
    /// renumbering them all (a statement over every event, whose cost grows with the store; with several workers, under
    /// the locks every writer waits for). When not set, <see cref="OnIdle"/> is called instead.
    /// </summary>
    public Func<CancellationToken, Task>? OnBusy { get; init; }
    public TimeSpan IdleEvery { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Fetches failing without a break for this long (server gone, consumer deleted) stop the worker with VIG-Q001.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>Counts of a worker so far.</summary>
public sealed record WorkerProgress(int Batches, int Stored, int Known, int DeadLettered, int Redelivered);

/// <summary>
/// A worker: takes documents from the durable pull consumer shared by all workers, hands each batch
/// to an <see cref="IDocumentBatchSink"/>, and acknowledges the messages once the sink has committed
/// them. A document that fails extraction goes to the dead-letter subject with its error, then is
/// acknowledged; when the store itself fails, the batch is handed back (nak, delayed) and retried.
/// A worker that dies leaves its messages unacknowledged: JetStream delivers them again after
/// <see cref="WorkerOptions.AckWait"/>, and the store skips what it already holds (content hash).
/// Stopping (the token) lets the batch in hand finish first.
/// </summary>
public sealed class QueueWorker(DocumentQueue queue, IDocumentBatchSink sink, WorkerOptions options)
{
    /// <summary>How many times the rebuild between batches failed (the store was down) and was waited for.</summary>
    public int IdleFailures { get; private set; }

    /// <summary>
    /// Acknowledgements and hand-backs the server did not confirm (it went away): such a message is delivered again
    /// after <see cref="WorkerOptions.AckWait"/>, and a document already stored is then found known, not stored twice.
    /// </summary>
    public int UnconfirmedAcks { get; private set; }

    public async Task<WorkerProgress> RunAsync(IProgress<WorkerProgress>? progress = null, CancellationToken stop = default)
    {
        var s = queue.Settings;
        INatsJSConsumer consumer;
        try
        {
            consumer = await queue.JetStream.CreateOrUpdateConsumerAsync(s.Stream, new ConsumerConfig(s.Durable)
            {
                AckPolicy = ConsumerConfigAckPolicy.Explicit,
                AckWait = options.AckWait,
                MaxAckPending = options.MaxInFlight,
                FilterSubject = s.AllDocuments,
                MaxDeliver = -1,
            }, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return new WorkerProgress(0, 0, 0, 0, 0);
        }
        catch (Exception e) when (e is NatsException && !stop.IsCancellationRequested)
        {
            throw new QueueException($"cannot create the consumer {s.Durable} on {s.Url}: {e.Message}", e);
        }

        int batches = 0, stored = 0, known = 0, dead = 0, redelivered = 0;
        // the client refuses a pull that expires in less than a second
        var fetchWait = options.FetchWait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.FetchWait;
        var lastIdle = DateTime.UtcNow;
        DateTime? failingSince = null;
        var storeWait = TimeSpan.FromSeconds(1);
        // the rebuild between batches meets the store too: a store that is down there is waited for like a failed batch,
        // not the end of the worker (the documents of later batches come back while it is down)
        async Task<bool> Idle(Func<CancellationToken, Task>? rebuild)
        {
            if (rebuild == null) return true;
            try
            {
                await rebuild(CancellationToken.None).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                IdleFailures++;
                await Pause(storeWait, stop).ConfigureAwait(false);
                storeWait = TimeSpan.FromSeconds(Math.Min(storeWait.TotalSeconds * 2, 60));
                return false;
            }
        }
        while (!stop.IsCancellationRequested)
        {
            var messages = new List<INatsJSMsg<byte[]>>();
            try
            {
                await foreach (var m in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = options.Batch, Expires = fetchWait }, cancellationToken: stop).ConfigureAwait(false))
                    messages.Add(m);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // stopping while messages arrived: hand them back at once rather than after AckWait
                foreach (var m in messages) await Settle(m, ack: false, TimeSpan.Zero).ConfigureAwait(false);
                break;
            }
            catch (NatsException e)
            {
                // connection lost: the client reconnects; try again shortly, and give up when it lasts
                failingSince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - failingSince > options.GiveUpAfter)
                    throw new QueueException($"cannot take documents from {s.Url} for {options.GiveUpAfter.TotalSeconds:0} s: {e.Message}", e);
                await Pause(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                continue;
            }
            failingSince = null;

            if (messages.Count == 0)
            {
                // a fetch can come back empty while documents wait or other workers hold some: the events are then
                // brought up to date; numbered only once the queue is empty and no worker holds a document
                // (a stop asked while the server is asked how full the queue is ends the run cleanly, as one asked during a fetch)
                try
                {
                    if (options.OnIdle != null)
                    {
                        var empty = await EmptyAsync(consumer, stop).ConfigureAwait(false);
                        if (await Idle(empty ? options.OnIdle : options.OnBusy ?? options.OnIdle).ConfigureAwait(false)) lastIdle = DateTime.UtcNow;
                    }
                    if (options.UntilEmpty && await EmptyAsync(consumer, stop).ConfigureAwait(false)) break;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                continue;
            }

            var docs = new List<(INatsJSMsg<byte[]> Msg, Document Doc)>();
            foreach (var m in messages)
            {
                if (m.Metadata is { NumDelivered: > 1 }) redelivered++;
                var d = DocumentMessage.Decode(m.Data ?? [], out var error);
                if (d == null)
                {
                    await queue.DeadLetterAsync(null, m.Data ?? [], null, error!, CancellationToken.None).ConfigureAwait(false);
                    await Settle(m, ack: true).ConfigureAwait(false);
                    dead++;
                }
                else docs.Add((m, d));
            }
            IReadOnlyList<SinkItemResult> results;
            try
            {
                // the batch in hand is finished even when a stop is asked meanwhile
                results = await sink.StoreAsync(docs.Select(x => x.Doc).ToList(), CancellationToken.None).ConfigureAwait(false);
                storeWait = TimeSpan.FromSeconds(1);
            }
            catch (Exception e) when (e is not OperationCanceledException && docs.Count > 0)
            {
                // the store is down: nothing of the batch counts; its messages come back after a pause
                foreach (var (m, _) in docs) await Settle(m, ack: false, storeWait).ConfigureAwait(false);
                await Pause(storeWait, stop).ConfigureAwait(false);
                storeWait = TimeSpan.FromSeconds(Math.Min(storeWait.TotalSeconds * 2, 60));
                continue;
            }
            for (var i = 0; i < docs.Count; i++)
            {
                var (m, d) = docs[i];
                var r = results[i];
                if (r.Outcome == SinkOutcome.Failed)
                {
                    await queue.DeadLetterAsync(d.Language, m.Data ?? [], d.ContentHash, r.Error ?? "failed", CancellationToken.None).ConfigureAwait(false);
                    dead++;
                }
                else if (r.Outcome == SinkOutcome.Stored) stored++;
                else known++;
                await Settle(m, ack: true).ConfigureAwait(false);
            }
            batches++;
            progress?.Report(new WorkerProgress(batches, stored, known, dead, redelivered));
            // a short batch: the queue may be running dry, the events are brought up to date (numbered at the next empty fetch)
            if (options.OnIdle != null && (messages.Count < options.Batch || DateTime.UtcNow - lastIdle > options.IdleEvery)
                && await Idle(options.OnBusy ?? options.OnIdle).ConfigureAwait(false))
                lastIdle = DateTime.UtcNow;
        }
        if (options.OnIdle != null) await options.OnIdle(CancellationToken.None).ConfigureAwait(false);
        return new WorkerProgress(batches, stored, known, dead, redelivered);
    }

    /// <summary>
    /// Acknowledges a message (its document is committed or dead-lettered) or hands it back after <paramref name="nakDelay"/>.
    /// A server that went away meanwhile cannot confirm it: the worker goes on (the next fetch waits for the server), and
    /// the message comes back after the ack wait.
    /// </summary>
    private async Task Settle(INatsJSMsg<byte[]> m, bool ack, TimeSpan nakDelay = default)
    {
        try
        {
            if (ack) await m.AckAsync(new AckOpts { DoubleAck = true }, CancellationToken.None).ConfigureAwait(false);
            else await m.NakAsync(new AckOpts { NakDelay = nakDelay > TimeSpan.Zero ? nakDelay : null }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NatsException or TimeoutException)
        {
            UnconfirmedAcks++;
        }
    }

    private static async Task<bool> EmptyAsync(INatsJSConsumer consumer, CancellationToken stop)
    {
        try
        {
            await consumer.RefreshAsync(stop).ConfigureAwait(false);
            return consumer.Info.NumPending == 0 && consumer.Info.NumAckPending == 0;
        }
        catch (NatsException) { return false; }
    }

    private static async Task Pause(TimeSpan wait, CancellationToken stop)
    {
        try { await Task.Delay(wait, stop).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
    }
}
