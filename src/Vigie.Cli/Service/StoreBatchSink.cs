using Vigie.Composition;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Storage;

namespace Vigie.Cli.Service;

/// <summary>
/// <see cref="IDocumentBatchSink"/> over the store the CLI opens (the storage port, SQLite or PostgreSQL):
/// documents already stored are skipped (a copy under another id, URL, outlet or date is recorded as a
/// republication, as <c>vigie ingest</c> does), the others are extracted on several threads and written in one
/// transaction (<see cref="IStoreWriter.WriteBatch"/>); the fused events are rebuilt after each batch or when
/// asked (<see cref="RefuseIfPendingAsync(bool, CancellationToken)"/>). On an SQLite file, the writers that share it (workers as processes or
/// tasks, a watcher) take turns through <see cref="WriterLock"/> (<paramref name="sqliteFile"/>); PostgreSQL keeps
/// several writers consistent itself (advisory locks).
/// </summary>
public sealed class StoreBatchSink(IStore store, string runId, string? sqliteFile, Pipeline.Pipeline? pipeline = null) : IDocumentBatchSink
{
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>Rebuild the fused events after every batch that stored something (the watcher); else call <see cref="RefuseIfPendingAsync"/>.</summary>
    public bool RefuseEachBatch { get; init; } = true;

    private readonly Pipeline.Pipeline _pipeline = pipeline ?? PipelineFactory.Create();

    public async Task<IReadOnlyList<SinkItemResult>> StoreAsync(IReadOnlyList<Document> documents, CancellationToken cancel = default)
    {
        var results = new SinkItemResult?[documents.Count];
        var hashes = documents.Select(d => d.ContentHash).Distinct(StringComparer.Ordinal).ToList();
        var known = store.KnownHashes(hashes);
        var todo = new List<int>();
        var firstOfHash = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            if (known.Contains(documents[i].ContentHash) || !firstOfHash.Add(documents[i].ContentHash)) results[i] = new SinkItemResult(documents[i], SinkOutcome.Known);
            else todo.Add(i);
        }
        var extracted = new Extracted?[documents.Count];
        Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Threads), CancellationToken = cancel }, i =>
        {
            var d = documents[i];
            try
            {
                _pipeline.Run(d);
                extracted[i] = new Extracted(d, RecordMapper.ToRecord(d)).Prepare(); // serialised on the extraction threads
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                results[i] = new SinkItemResult(d, SinkOutcome.Failed, "extraction failed: " + e.Message);
            }
        });

        using (await TakeLockAsync(cancel).ConfigureAwait(false))
        {
            var ready = todo.Where(i => extracted[i] != null).ToList();
            // a text another writer stored since the first look is left alone by WriteBatch: known, not stored
            var meanwhile = ready.Count == 0 ? [] : store.KnownHashes(ready.Select(i => documents[i].ContentHash).ToList());
            var written = store.WriteBatch(ready.Select(i => extracted[i]!).ToList(), runId);
            var failed = written.Failed.ToDictionary(f => f.Item.Document, f => f.Error);
            foreach (var i in ready)
            {
                var d = documents[i];
                results[i] = failed.TryGetValue(d, out var error) ? new SinkItemResult(d, SinkOutcome.Failed, "not stored: " + error)
                    : meanwhile.Contains(d.ContentHash) ? new SinkItemResult(d, SinkOutcome.Known)
                    : new SinkItemResult(d, SinkOutcome.Stored);
            }
            var copies = documents.Where((d, i) => results[i]!.Outcome == SinkOutcome.Known).Select(Appearance.Of).ToList();
            if (copies.Count > 0) store.RecordAppearances(copies, runId);
            if (RefuseEachBatch && written.Stored > 0) store.Update();
        }
        return results.Select(r => r!).ToList();
    }

    // a rebuild without renumbering was made: the events' numbers are owed until the next rebuild that renumbers
    private bool _numbersOwed;

    /// <summary>Rebuilds the fused events when a batch stored since the last rebuild (by this or another writer) left them behind, and numbers them all.</summary>
    public Task<bool> RefuseIfPendingAsync(CancellationToken cancel = default) => RefuseIfPendingAsync(renumber: true, cancel);

    /// <summary>
    /// Rebuilds the fused events when a batch stored since the last rebuild (by this or another writer) left them behind.
    /// With <paramref name="renumber"/> every event is then numbered in date order (a statement over all events: what a
    /// worker does when the queue runs dry, as ingest does at the end of its run); without, the new events are numbered
    /// after the others, and the numbering is owed to the next rebuild that renumbers.
    /// </summary>
    public async Task<bool> RefuseIfPendingAsync(bool renumber, CancellationToken cancel = default)
    {
        using (await TakeLockAsync(cancel).ConfigureAwait(false))
        {
            if (!store.FusionPending && !(renumber && _numbersOwed)) return false;
            store.Update(renumber);
            _numbersOwed = !renumber;
            return true;
        }
    }

    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();
        public void Dispose() { }
    }

    private async Task<IDisposable> TakeLockAsync(CancellationToken cancel) =>
        sqliteFile == null ? NoLock.Instance : await WriterLock.TakeAsync(sqliteFile, cancel).ConfigureAwait(false);
}

/// <summary>
/// An exclusive advisory lock on <c>DB.lock</c> beside a database file, between processes and between
/// stores of one process: the writers that share a file (workers, a watcher) take it to write a batch,
/// to rebuild the fused events and to open (migrate) the database.
/// </summary>
public static class WriterLock
{
    public static async Task<IDisposable> TakeAsync(string dbPath, CancellationToken cancel = default)
    {
        var wait = 5;
        while (true)
        {
            try { return new FileStream(dbPath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException)
            {
                await Task.Delay(wait, cancel).ConfigureAwait(false);
                wait = Math.Min(wait * 2, 200);
            }
        }
    }
}
