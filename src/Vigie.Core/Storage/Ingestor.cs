using System.Threading.Channels;
using Vigie.Composition;
using Vigie.Errors;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Readers;

namespace Vigie.Storage;

/// <summary>Counts of one ingest run.</summary>
public sealed record IngestSummary
{
    public required string RunId { get; init; }
    public int Files { get; init; }
    public int New { get; init; }
    public int Known { get; init; }
    /// <summary>Copies of stored texts under another id, URL, outlet or date, recorded as republications (not extracted).</summary>
    public int Republications { get; init; }
    /// <summary>Republications recorded per input file.</summary>
    public IReadOnlyDictionary<string, int> RepublicationsByFile { get; init; } = new Dictionary<string, int>();
    public int Rejected { get; init; }
    public int Warnings { get; init; }
    public int Events { get; init; }
    public int Figures { get; init; }
    /// <summary>Fused events in the store after the run.</summary>
    public int StoredEvents { get; init; }
    /// <summary>Rejected inputs and warnings, each naming file and line.</summary>
    public IReadOnlyList<InputProblem> Problems { get; init; } = [];
}

/// <summary>Progress of a run: documents seen so far and how they went.</summary>
public readonly record struct IngestProgress(int Seen, int New, int Known, int Rejected, string? CurrentFile);

/// <summary>
/// Reads inputs, extracts documents not stored yet on several threads, and stores them through one
/// writer in batches (one transaction each), bringing the fused events up to date after each batch
/// (<see cref="StoreFusion.Update(IStore, bool, Fusion.EventFusion?)"/>) and numbering them at the end. Documents already stored
/// (same content hash) are skipped before extraction: a copy under another id, URL, outlet or date is
/// recorded as a republication of the stored one. A new text under an id already stored is kept as another
/// version, with a warning (VIG-R019). Bad inputs are logged with file and line and never stop the run;
/// what was stored before is never touched.
/// </summary>
public sealed class Ingestor(IStore store, Pipeline.Pipeline? pipeline = null)
{
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>
    /// Documents per write transaction. Each commit writes every page the batch dirtied to the WAL, and the keys that fall
    /// all over their indexes (content hashes, report digests, event ids, fusion names) dirty about a page each whatever the
    /// batch's size: at 2,000 documents a batch those pages are written half as often as at 1,000 and a tenth as often as at
    /// 200 (docs/BENCHMARKS.md, "Ingest: fewer, larger batches" and "Ingest: reports by digest, batches of 2,000"), and the
    /// batch's dirty pages still fit the writer's page cache now that the report index is a sixth of its former size.
    /// </summary>
    public int BatchSize { get; init; } = 2000;

    private readonly Pipeline.Pipeline _pipeline = pipeline ?? PipelineFactory.Create();
    private bool _pipelineChecked;

    /// <summary>Reads <paramref name="paths"/> (files, folders, '-' for stdin) and ingests what they hold.</summary>
    public Task<IngestSummary> RunAsync(IEnumerable<string> paths, ReaderOptions options, IProgress<IngestProgress>? progress = null, CancellationToken cancel = default) =>
        RunAsync(Inputs.Read(paths, options), progress, cancel);

    /// <summary>
    /// Ingests a batch of documents read elsewhere (a queue, a feed): the same stages and results as for files; only
    /// the batch's own hashes are looked up in the store.
    /// </summary>
    public Task<IngestSummary> RunAsync(IReadOnlyCollection<Document> documents, IProgress<IngestProgress>? progress = null, CancellationToken cancel = default) =>
        RunAsync(documents.Select(ReadItem.Ok), progress, cancel, documents.Select(d => d.ContentHash).Distinct(StringComparer.Ordinal).ToList());

    /// <summary>Ingests the items of a reader: documents are extracted and stored, problems logged and counted.</summary>
    public Task<IngestSummary> RunAsync(IEnumerable<ReadItem> items, IProgress<IngestProgress>? progress = null, CancellationToken cancel = default) =>
        RunAsync(items, progress, cancel, among: null);

    private async Task<IngestSummary> RunAsync(IEnumerable<ReadItem> items, IProgress<IngestProgress>? progress, CancellationToken cancel, IReadOnlyCollection<string>? among)
    {
        var runId = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        CheckPipeline();
        var known = store.KnownHashes(among);
        // the run ends by numbering the events (below), when an empty store builds what it set aside for the load
        store.BeginBulkLoad();
        var toExtract = Channel.CreateBounded<Document>(new BoundedChannelOptions(Math.Max(64, Threads * 32)) { SingleWriter = true });
        var toWrite = Channel.CreateBounded<Work>(new BoundedChannelOptions(BatchSize * 2) { SingleReader = true });
        var problems = new List<InputProblem>();
        var files = new HashSet<string>(StringComparer.Ordinal);
        int seen = 0, knownCount = 0, rejected = 0, warnings = 0;

        // stage 1: read (one thread) — known documents and problems never reach extraction
        var reader = Task.Run(async () =>
        {
            try
            {
                var seenThisRun = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in items)
                {
                    cancel.ThrowIfCancellationRequested();
                    var origin = item.Document?.Origin ?? item.Problem!.Origin;
                    if (!string.IsNullOrEmpty(origin.File)) files.Add(origin.File);
                    if (item.Problem is { } p)
                    {
                        lock (problems) problems.Add(p);
                        var reject = p.Severity == ProblemSeverity.Error;
                        if (reject) Interlocked.Increment(ref rejected); else Interlocked.Increment(ref warnings);
                        await toWrite.Writer.WriteAsync(new Work(null, new LogEntry(runId, p.Origin.File, p.Origin.Line, reject ? "rejected" : "warning", null, p.Message)), cancel);
                    }
                    if (item.Document is not { } d) continue;
                    Interlocked.Increment(ref seen);
                    if (known.Contains(d.ContentHash) || !seenThisRun.Add(d.ContentHash))
                    {
                        // the writer decides: the stored document itself, or a republication of it
                        await toWrite.Writer.WriteAsync(new Work(null, null, Appearance.Of(d)), cancel);
                        continue;
                    }
                    await toExtract.Writer.WriteAsync(d, cancel);
                }
            }
            finally { toExtract.Writer.Complete(); }
        }, cancel);

        // stage 2: extract (N threads of their own, blocking on the channels), giving way to the writer (YieldingThreads):
        // the writer is the one every document waits for
        var workers = Enumerable.Range(0, Math.Max(1, Threads)).Select(i => YieldingThreads.Start("vigie-extract-" + i, () =>
        {
            foreach (var d in BlockingRead(toExtract.Reader, cancel))
            {
                Work work;
                try
                {
                    _pipeline.Run(d);
                    // serialised here, on an extraction thread, not by the single writer; the writer gets the document
                    // without its layers (the record holds what is stored of them)
                    var record = RecordMapper.ToRecord(d);
                    work = new Work(new Extracted(d.WithoutLayers(), record).Prepare(), null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // a document the extraction cannot handle is reported, the run goes on
                    work = new Work(null, new LogEntry(runId, d.Origin.File, d.Origin.Line, "rejected", d.ContentHash, "extraction failed: " + e.Message));
                }
                toWrite.Writer.WriteAsync(work, cancel).AsTask().GetAwaiter().GetResult();
            }
        })).ToArray();
        var closer = Task.WhenAll(workers.Append(reader)).ContinueWith(t => toWrite.Writer.Complete(t.Exception?.GetBaseException()), TaskScheduler.Default);

        // stage 3: the single writer
        int stored = 0, events = 0, figures = 0, republished = 0;
        var batch = new List<Extracted>(BatchSize);
        var log = new List<LogEntry>();
        var appearances = new List<Appearance>();
        var byFile = new SortedDictionary<string, int>(StringComparer.Ordinal);
        // copies of texts met earlier: recorded once their first copy is stored (it may still be in extraction)
        void RecordAppearances(bool last)
        {
            if (appearances.Count == 0) return;
            var outcomes = store.RecordAppearances(appearances, runId);
            var waiting = new List<Appearance>();
            for (var i = 0; i < outcomes.Count; i++)
            {
                var a = appearances[i];
                switch (outcomes[i])
                {
                    case AppearanceOutcome.Republished:
                        republished++;
                        byFile[a.Origin.File] = byFile.GetValueOrDefault(a.Origin.File) + 1;
                        break;
                    case AppearanceOutcome.Missing when !last:
                        waiting.Add(a);
                        break;
                    default:
                        // known, or a copy of a text whose first copy could not be stored
                        Interlocked.Increment(ref knownCount);
                        break;
                }
            }
            appearances.Clear();
            appearances.AddRange(waiting);
        }
        void Flush()
        {
            if (batch.Count == 0 && log.Count == 0 && appearances.Count == 0) return;
            // the events of this batch's mentions now, reading only the stored mentions near them: fusion's work and
            // memory follow the batch, not the store (numbers are settled once, at the end of the run)
            var r = store.WriteBatchAndUpdate(batch, runId, log);
            stored += r.Stored; events += r.Events; figures += r.Figures;
            Interlocked.Add(ref knownCount, r.Known);
            foreach (var item in r.OtherVersions)
            {
                var p = new InputProblem(item.Document.Origin, ProblemSeverity.Warning,
                    $"{ErrorCatalogue.OtherVersion.Code} id '{item.Document.Id}' is already stored with another text: this text is stored too, as another version");
                lock (problems) problems.Add(p);
                Interlocked.Increment(ref warnings);
                store.WriteLog([new LogEntry(runId, p.Origin.File, p.Origin.Line, "warning", item.Document.ContentHash, p.Message)]);
            }
            RecordAppearances(last: false);
            foreach (var (item, error) in r.Failed)
            {
                Interlocked.Increment(ref rejected);
                var p = new InputProblem(item.Document.Origin, ProblemSeverity.Error, "not stored: " + error);
                lock (problems) problems.Add(p);
                store.WriteLog([new LogEntry(runId, p.Origin.File, p.Origin.Line, "rejected", item.Document.ContentHash, p.Message)]);
            }
            batch.Clear(); log.Clear();
            progress?.Report(new IngestProgress(Volatile.Read(ref seen), stored, Volatile.Read(ref knownCount), Volatile.Read(ref rejected), null));
        }
        void Write(Work w)
        {
            if (w.Item != null) batch.Add(w.Item);
            if (w.Appearance != null) appearances.Add(w.Appearance);
            if (w.Log is { } entry)
            {
                log.Add(entry);
                if (entry.Status == "rejected" && entry.Message?.StartsWith("extraction failed", StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref rejected);
                    lock (problems) problems.Add(new InputProblem(new Origin(entry.File ?? "", entry.Line), ProblemSeverity.Error, entry.Message));
                }
            }
            if (batch.Count >= BatchSize || log.Count >= BatchSize * 4 || appearances.Count >= BatchSize * 4) Flush();
        }
        // on a thread of its own at normal priority, blocking on the channel: an awaited loop resumes on pool threads,
        // and those a lowered extraction thread created run lowered too (YieldingThreads)
        var storedEvents = 0;
        await YieldingThreads.StartOwn("vigie-write", () =>
        {
            foreach (var w in BlockingRead(toWrite.Reader, cancel)) Write(w);
            Flush();
            RecordAppearances(last: true);
            // the channel ended without a failure: every document is in. Events are brought up to date and numbered
            // when something new came in, or when an earlier run stopped before
            storedEvents = stored > 0 || store.FusionPending ? store.Update(renumber: true) : (int)store.Counts().Events;
        });
        await closer;
        await Task.WhenAll(workers.Append(reader)); // surfaces a reader failure (unexpected)
        return new IngestSummary
        {
            RunId = runId, Files = files.Count, New = stored, Known = knownCount, Rejected = rejected, Warnings = warnings,
            Republications = republished, RepublicationsByFile = byFile,
            Events = events, Figures = figures, StoredEvents = storedEvents,
            Problems = problems.OrderBy(p => p.Origin.File, StringComparer.Ordinal).ThenBy(p => p.Origin.Line).ToList(),
        };
    }

    /// <summary>
    /// Runs the pipeline once on a short text per language before the run: a broken installation
    /// (a language pack that does not load) stops here with one message (VIG-S005), instead of
    /// rejecting every document one by one.
    /// </summary>
    private void CheckPipeline()
    {
        // once per ingestor: a worker that calls it for every batch checks the installation once
        if (_pipelineChecked) return;
        foreach (var lang in Vigie.Lexicons.Languages.All)
        {
            try { _pipeline.Run(new Document("check-" + lang, "Vigie.") { Language = lang, Published = PartialDate.OfYear(2020) }); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new StoreException(ErrorCatalogue.ExtractionCannotStart.Message(lang, e.Message), e);
            }
        }
        _pipelineChecked = true;
    }

    /// <summary>
    /// The items of a channel as they come, blocking the calling thread (one of its own, <see cref="YieldingThreads"/>) while it
    /// is empty; ends when the channel completes, throws its failure or the cancellation. Several threads may read one channel.
    /// </summary>
    private static IEnumerable<T> BlockingRead<T>(ChannelReader<T> reader, CancellationToken cancel)
    {
        while (reader.WaitToReadAsync(cancel).AsTask().GetAwaiter().GetResult())
            while (reader.TryRead(out var item)) yield return item;
    }

    private sealed record Work(Extracted? Item, LogEntry? Log, Appearance? Appearance = null);
}
