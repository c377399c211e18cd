using Vigie.Model;

namespace Vigie.Storage;

/// <summary>What became of one document handed to an <see cref="IDocumentBatchSink"/>.</summary>
public enum SinkOutcome
{
    /// <summary>Extracted and stored.</summary>
    Stored,
    /// <summary>Already stored (same content hash): nothing extracted again.</summary>
    Known,
    /// <summary>Extraction or storage failed for this document alone; the others of the batch are kept.</summary>
    Failed,
}

/// <summary>One document's outcome; <see cref="Error"/> says why when it failed.</summary>
public sealed record SinkItemResult(Document Document, SinkOutcome Outcome, string? Error = null);

/// <summary>
/// The one seam between the sources of documents that run all the time (the feed watcher, the queue
/// worker) and a store: extract a batch of documents and store it, all of it committed when the call
/// returns. A failure of the store itself (database unreachable) throws and nothing of the batch counts
/// as stored; a document that fails on its own is reported as <see cref="SinkOutcome.Failed"/>.
/// </summary>
public interface IDocumentBatchSink
{
    Task<IReadOnlyList<SinkItemResult>> StoreAsync(IReadOnlyList<Document> documents, CancellationToken cancel = default);
}
