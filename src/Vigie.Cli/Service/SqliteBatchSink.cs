using Vigie.Extraction;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Storage;
using Vigie.Storage.Sqlite;

namespace Vigie.Cli.Service;

/// <summary>
/// <see cref="IDocumentBatchSink"/> over the SQLite store the CLI opens: documents already stored are
/// skipped (a copy under another id, URL, outlet or date is recorded as a republication, as
/// <c>vigie ingest</c> does), the others are extracted on several threads and written in one
/// transaction (<see cref="SqliteStore.WriteBatch"/>). Writers of several processes or tasks on the
/// same file take turns through an exclusive lock on <c>DB.lock</c> for the write and for the
/// rebuild of the fused events, so a rebuild always sees every mention committed before it.
/// </summary>
public sealed class SqliteBatchSink(SqliteStore store, string runId, Pipeline.Pipeline? pipeline = null) : IDocumentBatchSink
{
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>Rebuild the fused events after every batch that stored something (the watcher); else call <see cref="RefuseIfPending"/>.</summary>
    public bool RefuseEachBatch { get; init; } = true;

    private readonly Pipeline.Pipeline _pipeline = pipeline ?? PipelineFactory.Create();

    public async Task<IReadOnlyList<SinkItemResult>> StoreAsync(IReadOnlyList<Document> documents, CancellationToken cancel = default)
    {
        var results = new SinkItemResult?[documents.Count];
        var known = KnownHashes(documents.Select(d => d.ContentHash));
        var todo = new List<int>();
        var firstOfHash = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            if (known.Contains(documents[i].ContentHash) || !firstOfHash.Add(documents[i].ContentHash)) results[i] = new SinkItemResult(documents[i], SinkOutcome.Known);
            else todo.Add(i);
        }
        var extracted = new SqliteStore.Extracted?[documents.Count];
        Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Threads), CancellationToken = cancel }, i =>
        {
            var d = documents[i];
            try
            {
                _pipeline.Run(d);
                extracted[i] = new SqliteStore.Extracted(d, RecordMapper.ToRecord(d));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                results[i] = new SinkItemResult(d, SinkOutcome.Failed, "extraction failed: " + e.Message);
            }
        });

        using (await TakeLockAsync(cancel).ConfigureAwait(false))
        {
            var batch = todo.Where(i => extracted[i] != null).Select(i => extracted[i]!).ToList();
            var written = store.WriteBatch(batch, runId);
            var failed = written.Failed.ToDictionary(f => f.Item.Document, f => f.Error);
            foreach (var i in todo.Where(i => extracted[i] != null))
            {
                var d = documents[i];
                // a text another writer stored meanwhile was left alone by WriteBatch: known, not stored
                results[i] = failed.TryGetValue(d, out var error) ? new SinkItemResult(d, SinkOutcome.Failed, "not stored: " + error)
                    : IsOwn(d) ? new SinkItemResult(d, SinkOutcome.Stored) : new SinkItemResult(d, SinkOutcome.Known);
            }
            var copies = documents.Where((d, i) => results[i]!.Outcome == SinkOutcome.Known).Select(SqliteStore.Appearance.Of).ToList();
            if (copies.Count > 0) store.RecordAppearances(copies, runId);
            if (RefuseEachBatch && written.Stored > 0) store.Refuse();
        }
        return results.Select(r => r!).ToList();
    }

    /// <summary>True when the stored copy of <paramref name="d"/>'s text came from this run.</summary>
    private bool IsOwn(Document d)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "SELECT run_id FROM documents WHERE content_hash = $h";
        cmd.Parameters.AddWithValue("$h", d.ContentHash);
        return cmd.ExecuteScalar() as string == runId;
    }

    /// <summary>Rebuilds the fused events when a batch stored since the last rebuild (by this or another writer) left them behind.</summary>
    public async Task<bool> RefuseIfPendingAsync(CancellationToken cancel = default)
    {
        using (await TakeLockAsync(cancel).ConfigureAwait(false))
        {
            if (!store.FusionPending) return false;
            store.Refuse();
            return true;
        }
    }

    private HashSet<string> KnownHashes(IEnumerable<string> hashes)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM documents WHERE content_hash = $h";
        var p = cmd.Parameters.Add("$h", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var h in hashes.Distinct(StringComparer.Ordinal))
        {
            p.Value = h;
            if (cmd.ExecuteScalar() != null) found.Add(h);
        }
        return found;
    }

    private Task<IDisposable> TakeLockAsync(CancellationToken cancel) => WriterLock.TakeAsync(store.Path, cancel);
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
