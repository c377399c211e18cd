using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Net;
using Vigie.Model;
using Vigie.Storage;
using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Queue;

/// <summary>
/// A connection to the queue's NATS server with its JetStream streams in place (created when
/// missing). The client reconnects by itself after a connection loss; publishing retries until
/// <see cref="RetryFor"/> has passed.
/// </summary>
public sealed class DocumentQueue : IAsyncDisposable
{
    public QueueSettings Settings { get; }
    public NatsConnection Connection { get; }
    public INatsJSContext JetStream { get; }
    /// <summary>How long a publish is retried (connection lost, server restarting) before the command gives up: <see cref="QueueSettings.PublishRetry"/>.</summary>
    public TimeSpan RetryFor => Settings.PublishRetry;
    /// <summary>How long one publish attempt waits for the stream's answer before it is tried again.</summary>
    private static readonly TimeSpan AttemptFor = TimeSpan.FromSeconds(10);

    private DocumentQueue(QueueSettings settings, NatsConnection connection)
    {
        Settings = settings;
        Connection = connection;
        JetStream = connection.CreateJetStreamContext();
    }

    public static async Task<DocumentQueue> OpenAsync(QueueSettings settings, CancellationToken cancel = default)
    {
        var connection = new NatsConnection(new NatsOpts
        {
            Url = settings.Url,
            Name = "vigie",
            ConnectTimeout = TimeSpan.FromSeconds(5),
            MaxReconnectRetry = -1,
        });
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15), cancel).ConfigureAwait(false);
            var queue = new DocumentQueue(settings, connection);
            await queue.EnsureStreamsAsync(cancel).ConfigureAwait(false);
            return queue;
        }
        catch (Exception e) when (e is NatsException or TimeoutException or NatsJSApiException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new QueueException($"cannot use the queue at {settings.Url}: {e.Message} (is nats-server running with -js? scripts/services start)", e);
        }
    }

    private async Task EnsureStreamsAsync(CancellationToken cancel)
    {
        await JetStream.CreateOrUpdateStreamAsync(new StreamConfig(Settings.Stream, [Settings.AllDocuments])
        {
            Retention = StreamConfigRetention.Workqueue,
            Storage = StreamConfigStorage.File,
            DuplicateWindow = Settings.DuplicateWindow,
        }, cancel).ConfigureAwait(false);
        await JetStream.CreateOrUpdateStreamAsync(new StreamConfig(Settings.DeadStream, [Settings.Name + ".dead.>"])
        {
            Retention = StreamConfigRetention.Limits,
            Storage = StreamConfigStorage.File,
        }, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes one document under its language's subject (the language the input gave, else the one the
    /// pipeline's guesser finds), message id = content hash; true when the stream kept it, false when it
    /// dropped it as a re-send. The message carries the document as read: the worker guesses again, the same way.
    /// </summary>
    public Task<bool> PublishAsync(Document d, CancellationToken cancel = default) =>
        PublishAsync(Settings.SubjectFor(LanguageOf(d)), DocumentMessage.Encode(d), d.ContentHash, null, cancel);

    private static readonly Pipeline.Pipeline Guesser = new([new Tokenizer(), new LanguageGuesser()]);

    public static string? LanguageOf(Document d)
    {
        if (!string.IsNullOrEmpty(d.Language)) return d.Language;
        var scratch = new Document(d.Id, d.Text);
        Guesser.Run(scratch);
        return scratch.Language;
    }

    /// <summary>Puts a document that failed on the dead-letter subject, with the error in the Vigie-Error header.</summary>
    public Task<bool> DeadLetterAsync(string? language, byte[] data, string? contentHash, string error, CancellationToken cancel = default)
    {
        var headers = new NatsHeaders { ["Vigie-Error"] = OneLine(error) };
        return PublishAsync(Settings.DeadSubjectFor(language), data, contentHash == null ? null : contentHash + ":dead", headers, cancel);
    }

    private static string OneLine(string s)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= 1000 ? s : s[..1000] + "…";
    }

    private async Task<bool> PublishAsync(string subject, byte[] data, string? id, NatsHeaders? headers, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + RetryFor;
        var wait = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            // while the server is gone the client holds a publish until it reconnects: each attempt is bounded, so
            // that a server that never comes back ends in VIG-Q001 rather than a publisher waiting for ever
            var left = deadline - DateTime.UtcNow;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            attempt.CancelAfter(left < AttemptFor ? (left > TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100)) : AttemptFor);
            try
            {
                var ack = await JetStream.PublishAsync(subject, data, opts: new NatsJSPubOpts { MsgId = id }, headers: headers, cancellationToken: attempt.Token).ConfigureAwait(false);
                if (ack.Duplicate) return false;
                ack.EnsureSuccess();
                return true;
            }
            catch (NatsJSDuplicateMessageException) { return false; }
            catch (Exception e) when (e is NatsException or TimeoutException or OperationCanceledException && !cancel.IsCancellationRequested)
            {
                // connection lost or server restarting: the client reconnects, the message id makes the retry safe
                // (an attempt given up may still reach the stream later; its re-send is then dropped as a duplicate)
                if (DateTime.UtcNow + wait > deadline)
                    throw new QueueException($"the queue at {Settings.Url} did not take a message for {RetryFor.TotalSeconds:0} s: {(e is OperationCanceledException ? "no answer" : e.Message)}", e);
                await Task.Delay(wait, cancel).ConfigureAwait(false);
                wait = TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds * 2, 5000));
            }
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

/// <summary>The queue as the end of <c>vigie watch --to</c>: "storing" a batch is publishing it (a re-send the stream drops counts as known).</summary>
public sealed class QueueSink(DocumentQueue queue) : IDocumentBatchSink
{
    public async Task<IReadOnlyList<SinkItemResult>> StoreAsync(IReadOnlyList<Document> documents, CancellationToken cancel = default)
    {
        var results = new List<SinkItemResult>(documents.Count);
        foreach (var d in documents)
            results.Add(new SinkItemResult(d, await queue.PublishAsync(d, cancel).ConfigureAwait(false) ? SinkOutcome.Stored : SinkOutcome.Known));
        return results;
    }
}
