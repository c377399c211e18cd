using Vigie.Errors;

namespace Vigie.Storage;

/// <summary>
/// Copies one store into another (`vigie migrate`): every document with its extraction record as it was stored (not
/// extracted again) and its run, the republications, the ingest log; then fuses the target and compares the two
/// stores' canonical dumps (<see cref="StoreDump"/>). The target must hold no document.
/// </summary>
public static class StoreCopy
{
    public sealed record Result(long Documents, long Republications, long LogEntries, int Events, string Checksum);

    public static Result Copy(IStoreReader from, IStore to, IProgress<long>? progress = null, int batchSize = 200)
    {
        if (to.Counts().Documents > 0)
            throw new StoreException(ErrorCatalogue.CopyTargetNotEmpty.Message(to.Name));
        long documents = 0;
        var batch = new List<Extracted>(batchSize);
        void Flush()
        {
            if (batch.Count == 0) return;
            var r = to.WriteBatch(batch, batch[0].RunId!);
            if (r.Failed.Count > 0)
                throw new StoreException(ErrorCatalogue.CopyFailed.Message($"{r.Failed[0].Item.Document.Id} could not be copied: {r.Failed[0].Error}"));
            documents += r.Stored;
            batch.Clear();
            progress?.Report(documents);
        }
        foreach (var item in from.AllDocuments())
        {
            batch.Add(new Extracted(item.Document, item.Record) { RunId = item.RunId });
            if (batch.Count >= batchSize) Flush();
        }
        Flush();

        long republications = 0;
        foreach (var group in from.AllRepublications().GroupBy(r => r.RunId))
        {
            var outcomes = to.RecordAppearances(group.Select(r => r.Appearance).ToList(), group.Key, log: false);
            republications += outcomes.Count(o => o == AppearanceOutcome.Republished);
        }

        long log = 0;
        var entries = new List<LogEntry>(1000);
        foreach (var entry in from.IngestLog())
        {
            entries.Add(entry);
            if (entries.Count == 1000) { to.WriteLog(entries); log += entries.Count; entries.Clear(); }
        }
        to.WriteLog(entries);
        log += entries.Count;

        var events = to.Refuse();
        var source = StoreDump.Checksum(from);
        var copy = StoreDump.Checksum(to);
        if (source != copy)
            throw new StoreException(ErrorCatalogue.CopyFailed.Message($"the copy in {to.Name} differs from {from.Name} (dump {copy[..12]} against {source[..12]}); it was kept for inspection"));
        return new Result(documents, republications, log, events, copy);
    }
}
