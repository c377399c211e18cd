using Vigie.Fusion;
using Vigie.Model;

namespace Vigie.Storage;

/// <summary>
/// The read side of a store, as the commands, the exports and the web API use it. Every adapter
/// (SQLite, PostgreSQL) answers these the same way for the same stored data.
/// </summary>
public interface IStoreReader : IEventSource, IDisposable
{
    /// <summary>What to call the store in messages: a file path, or host/database (never a password).</summary>
    string Name { get; }

    /// <summary>How many documents, mentions, events, casualty reports and republications are stored.</summary>
    StoreCounts Counts();

    /// <summary>Runs <paramref name="read"/> on one consistent snapshot (a total and its page agree while a writer works). Not nested.</summary>
    T ReadSnapshot<T>(Func<T> read);

    /// <summary>
    /// One page of the matching events in listing order (Near and Limit are not used): from <paramref name="offset"/>,
    /// or with <paramref name="after"/> the events that follow that key (keyset paging: the page seeks to the key in an
    /// index, so its cost does not grow with its depth, and no event is skipped or repeated while the listing grows).
    /// Nothing is counted: ask one more event than the page holds to know whether another page follows, and
    /// <see cref="EventCount"/> for how many match.
    /// </summary>
    IReadOnlyList<StoredEvent> EventPage(EventFilter filter, long offset, int limit, PageKey? after = null);

    /// <summary>The page of <see cref="EventPage"/> as its rows hold it: each event still as its stored JSON text (not read), for views that keep what they make of it.</summary>
    IReadOnlyList<StoredEventRow> EventPageRows(EventFilter filter, long offset, int limit, PageKey? after = null);

    /// <summary>How many events match (Near and Limit are not used). Reads every matching index entry: keep the answer.</summary>
    long EventCount(EventFilter filter);

    /// <summary>
    /// Names the state of the stored data: it changes with every committed write a reader may see (documents, events,
    /// republications), and two stores never share one. For caches and HTTP validators.
    /// </summary>
    string DataVersion();

    /// <summary>Events and best fatalities of the matching events grouped; the largest groups first (days and months in date order).</summary>
    IReadOnlyList<CountRow> EventCounts(EventFilter filter, CountBy by, int limit = 10_000);

    /// <summary>How many events match, their best fatalities in all, and the first and last day they cover.</summary>
    Totals EventTotals(EventFilter filter);

    /// <summary>A stored document by content hash, else by the id its input gave (the first stored with that id).</summary>
    StoredDocument? Document(string key);

    /// <summary>The text of a stored document, by content hash.</summary>
    string? DocumentText(string contentHash);

    /// <summary>Stored documents in date then id order; <paramref name="search"/> is a full-text query over title and text.</summary>
    IReadOnlyList<DocumentRow> Documents(string? search = null, int limit = 1000);

    /// <summary>A stored document's republications, in the order they were recorded.</summary>
    IReadOnlyList<Appearance> Republications(string contentHash);

    /// <summary>Every stored document with its extraction record, in the order it was stored (for copying a store).</summary>
    IEnumerable<StoredItem> AllDocuments();

    /// <summary>Every republication with the run that recorded it, in the order recorded (for copying a store).</summary>
    IEnumerable<(Appearance Appearance, string RunId)> AllRepublications();

    /// <summary>The ingest log in the order written (for copying a store).</summary>
    IEnumerable<LogEntry> IngestLog();
}

/// <summary>
/// The write side: documents and their mentions, the ingest log, republications, and the fused events.
/// <see cref="Ingestor"/> drives it; fusion itself is <see cref="StoreFusion"/>, the adapter only keeps it
/// consistent (one transaction, and with several writers, one fusion at a time).
/// </summary>
public interface IStoreWriter : IDisposable
{
    /// <summary>
    /// Content hashes of the stored documents (to skip known inputs before extraction): all of them, or only those
    /// among <paramref name="among"/> (a worker's batch, without reading every hash of a large store).
    /// </summary>
    HashSet<string> KnownHashes(IReadOnlyCollection<string>? among = null);

    /// <summary>
    /// Stores documents in one transaction, each one alone (a document that fails is rolled back and reported,
    /// the others are kept); a document whose content hash is already stored is counted as known and left untouched.
    /// </summary>
    BatchResult WriteBatch(IReadOnlyList<Extracted> items, string runId, IEnumerable<LogEntry>? log = null);

    /// <summary>
    /// <see cref="WriteBatch"/>, then, when it stored a document, <see cref="UpdateEvents"/> with <paramref name="fuse"/>
    /// (without renumbering). A store may do both in the batch's own transaction (SQLite: one commit, and the pages of
    /// the batch's mentions written to the log once instead of twice); what is stored is the same either way.
    /// </summary>
    BatchResult WriteBatchAndUpdate(IReadOnlyList<Extracted> items, string runId, IEnumerable<LogEntry>? log,
        Func<IFusionReader, IReadOnlyList<FusedEvent>> fuse)
    {
        var r = WriteBatch(items, runId, log);
        if (r.Stored > 0) UpdateEvents(fuse, renumber: false);
        return r;
    }

    void WriteLog(IEnumerable<LogEntry> entries);

    /// <summary>Records copies of stored texts: one that differs in id, URL, outlet or date is a republication (once); each is logged unless <paramref name="log"/> is false.</summary>
    IReadOnlyList<AppearanceOutcome> RecordAppearances(IReadOnlyList<Appearance> items, string runId, bool log = true);

    /// <summary>True while mentions were stored and the events not rebuilt since.</summary>
    bool FusionPending { get; }

    /// <summary>
    /// Replaces every fused event: reads all stored mentions, hands them to <paramref name="fuse"/> (which returns the
    /// events in the order they are numbered, from 1) and writes the result, all in one transaction that no other
    /// fusion of the same store overlaps. Returns the number of events.
    /// </summary>
    int RewriteEvents(Func<IReadOnlyList<FusionMention>, IReadOnlyList<FusedEvent>> fuse);

    /// <summary>
    /// Replaces the events of some mentions, in one transaction that no other fusion of the same store overlaps:
    /// <paramref name="fuse"/> reads the mentions it needs through the <see cref="IFusionReader"/> (the unfused ones
    /// and those around them, see <see cref="StoreFusion.Update(IStoreWriter, SourceReliability, bool, EventFusion?)"/>)
    /// and returns the events of all the mentions it read; the events those mentions belonged to are removed and the
    /// returned ones written, numbered after every other event. With <paramref name="renumber"/>, all events are then
    /// numbered in the order of <see cref="StoreFusion.Number"/>. Returns the number of events.
    /// </summary>
    int UpdateEvents(Func<IFusionReader, IReadOnlyList<FusedEvent>> fuse, bool renumber);

    /// <summary>
    /// Says that a run of batches follows, ended by an <see cref="UpdateEvents"/> that renumbers: a store that is still
    /// empty may set aside until then what only its readers need (SQLite: the events' listing indexes, built once at the
    /// end instead of updated at every batch). What is committed stays whole either way; an adapter may ignore it.
    /// </summary>
    void BeginBulkLoad() { }
}

/// <summary>A store: both sides. <c>StoreAccess.Open</c> in the command line picks the adapter from <c>--db</c>.</summary>
public interface IStore : IStoreReader, IStoreWriter
{
    SourceReliability Reliability { get; }

    /// <summary>The schema version of the store (its last migration).</summary>
    int SchemaVersion { get; }
}

/// <summary>
/// A place in the listing order of events (first day, undated last, then number): a page after it starts with the
/// next event. Written "2019-05-20.1234" (or "undated.1234") in the web API.
/// </summary>
public readonly record struct PageKey(DateOnly? Day, long Number)
{
    public static PageKey Of(StoredEvent e) => new(e.Event.Date?.Start.First, e.Number);

    public override string ToString() =>
        (Day is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "undated") + "." +
        Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out PageKey key)
    {
        key = default;
        var dot = text?.LastIndexOf('.') ?? -1;
        if (dot <= 0 || !long.TryParse(text![(dot + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return false;
        var day = text[..dot];
        if (day == "undated") { key = new PageKey(null, n); return true; }
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) return false;
        key = new PageKey(d, n);
        return true;
    }
}

/// <summary>
/// A fused event as its row holds it: the agreed event as its stored JSON text (<see cref="Read"/> reads it), the
/// fatality range, the number and the first day (the listing order and the key of the next page).
/// </summary>
public sealed record StoredEventRow(string Id, long Number, DateOnly? Day, string EventJson, int? FatalitiesLow, int? FatalitiesBest, int? FatalitiesHigh)
{
    /// <summary>The place of this event in the listing, for keyset paging.</summary>
    public PageKey Key => new(Day, Number);

    /// <summary>The event with its JSON read (no mentions).</summary>
    public StoredEvent Read() => new()
    {
        Id = Id,
        Number = Number,
        Event = System.Text.Json.JsonSerializer.Deserialize<Event>(EventJson, Vigie.Json.VigieJson.Options)!,
        FatalitiesLow = FatalitiesLow,
        FatalitiesBest = FatalitiesBest,
        FatalitiesHigh = FatalitiesHigh,
    };
}

public sealed record StoreCounts(long Documents, long Mentions, long Events, long Reports, long Republications);

/// <summary>A document with its extraction, ready to store; <see cref="RunId"/> overrides the batch's run (when a store is copied).</summary>
public sealed record Extracted(Document Document, DocumentRecord Record)
{
    public string? RunId { get; init; }

    private (DocumentRecord Of, StoredForms Forms)? _forms;

    /// <summary>
    /// The JSON texts and fusion blocks a store writes for <see cref="Record"/>, computed on first use. The ingest
    /// computes them on its extraction threads, so that the single writer only stores them.
    /// </summary>
    /// <summary>Computes <see cref="Forms"/> now (on the calling thread) and returns this.</summary>
    public Extracted Prepare()
    {
        _ = Forms;
        return this;
    }

    public StoredForms Forms
    {
        get
        {
            if (_forms is { } f && ReferenceEquals(f.Of, Record)) return f.Forms;
            var forms = StoredForms.Of(Record);
            _forms = (Record, forms);
            return forms;
        }
    }
}

/// <summary>
/// What a store writes of a record as text: the record's JSON, per event its JSON, its evidence's JSON and its fusion
/// block, and per casualty report its key, its JSON, its evidence's JSON and each figure's evidence as JSON.
/// </summary>
public sealed record StoredForms(string RecordJson, IReadOnlyList<StoredEventForm> Events, IReadOnlyList<StoredReportForm> Reports)
{
    public static StoredForms Of(DocumentRecord record) => new(
        Vigie.Json.VigieJson.Serialize(StoredRecord.Head(record)),
        // the events' and reports' JSON by the hand-written writer: the serializer's bytes (RecordWriterTests), in a third
        // to half of its time
        (record.Events ?? []).Select(e => new StoredEventForm(
            Vigie.Json.RecordWriter.Serialize(e),
            System.Text.Json.JsonSerializer.Serialize(e.Evidence, Vigie.Json.VigieJson.Options),
            FusionBlock.Of(e))).ToList(),
        (record.CasualtyReports ?? []).Select(StoredReportForm.Of).ToList());
}

/// <summary>One event of a record as a store writes it.</summary>
public sealed record StoredEventForm(string Json, string EvidenceJson, FusionBlock Block);

/// <summary>One casualty report of a record as a store writes it: its <see cref="ReportKey"/> and the key's digest, its JSON, its evidence's JSON, each figure's evidence as JSON (in figure order).</summary>
public sealed record StoredReportForm(string Key, string Json, string EvidenceJson, IReadOnlyList<string> FigureEvidenceJson)
{
    /// <summary>The key's digest (<see cref="ReportKey.Hash"/>), computed with the rest of the form, off the writer's thread.</summary>
    public long KeyHash { get; } = ReportKey.Hash(Key);

    public static StoredReportForm Of(CasualtyReport r) => new(
        ReportKey.Of(r),
        Vigie.Json.RecordWriter.Serialize(r),
        System.Text.Json.JsonSerializer.Serialize(r.Evidence, Vigie.Json.VigieJson.Options),
        r.Figures.Select(f => System.Text.Json.JsonSerializer.Serialize(f.Evidence ?? [], Vigie.Json.VigieJson.Options)).ToList());
}

/// <summary>A stored document as read back for a copy: the document (text, metadata, origin), its record and its run.</summary>
public sealed record StoredItem(Document Document, DocumentRecord Record, string RunId);

public sealed record BatchResult(int Stored, int Known, int Events, int Figures, IReadOnlyList<(Extracted Item, string Error)> Failed)
{
    /// <summary>Documents stored whose input id was already stored with another text (both versions are kept).</summary>
    public IReadOnlyList<Extracted> OtherVersions { get; init; } = [];
}

/// <summary>One line of the ingest log: new | known | republished | rejected | warning.</summary>
public sealed record LogEntry(string RunId, string? File, int Line, string Status, string? ContentHash, string? Message)
{
    /// <summary>When it was written (UTC, ISO 8601); null means now.</summary>
    public string? At { get; init; }
}

/// <summary>A text met again: the content hash of a stored document and what this copy says about itself.</summary>
public sealed record Appearance(string ContentHash, string DocId, string? Url, string? Source, string? Date, Origin Origin)
{
    public static Appearance Of(Document d) => new(d.ContentHash, d.Id, d.Url, d.SourceOutlet, d.Published?.ToString(), d.Origin);
}

public enum AppearanceOutcome
{
    /// <summary>Another id, URL, outlet or date: recorded as a republication.</summary>
    Republished,
    /// <summary>The stored document itself, or an appearance already recorded.</summary>
    Known,
    /// <summary>No stored document has this text (its first copy was not stored).</summary>
    Missing,
}

/// <summary>One stored document as `vigie docs` lists it.</summary>
public sealed record DocumentRow(string Id, string ContentHash, string? Date, string? Lang, string? Source, string? Title, int Events, string? Origin, string? DateResolved = null);

/// <summary>A stored document with its extraction record and, per event of the record, the fused event it joined.</summary>
public sealed record StoredDocument(
    string ContentHash, string Id, string? Date, string? Lang, string? Url, string? Title, string? Source,
    string Text, DocumentRecord Record, IReadOnlyDictionary<int, string> EventIdsByRank);

public enum CountBy { Type, Country, Day, Month, Actor, Source }

public sealed record CountRow(string Key, long Events, long Fatalities);

public sealed record Totals(long Events, long Fatalities, string? FirstDay, string? LastDay);

/// <summary>A store problem the user can act on (no database, newer schema, server unreachable); the message carries a VIG-S code.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
