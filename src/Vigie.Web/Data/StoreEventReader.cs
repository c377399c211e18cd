using System.Collections.Concurrent;
using Vigie.Export;
using Vigie.Model;
using Vigie.Storage;
using Vigie.Storage.Sqlite;
using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Web.Data;

/// <summary>
/// The API's read side over the storage port (<see cref="IStoreReader"/>), whichever store it is. Each request
/// borrows a reader from a small pool (a reader holds one connection, not shared between threads) and reads on one
/// snapshot: a request sees one committed state from start to end while an ingest writes (SQLite: WAL; PostgreSQL:
/// a repeatable-read transaction). All SQL is the store's own, parameterised.
/// </summary>
/// <param name="open">opens a store reader (one per pooled connection).</param>
/// <param name="json">the API's JSON conventions, in which event views are kept as text (<see cref="EventSummaries"/>);
/// by default those of <see cref="Hosting.VigieWebHost.Configure"/> over the web defaults.</param>
public sealed class StoreEventReader(Func<IStoreReader> open, System.Text.Json.JsonSerializerOptions? json = null) : IEventReader, IDisposable
{
    private readonly ConcurrentBag<IStoreReader> _pool = [];

    /// <summary>A reader over the SQLite file at <paramref name="path"/>, opened read-only.</summary>
    public static StoreEventReader ForSqlite(string path, System.Text.Json.JsonSerializerOptions? json = null) => new(() => SqliteStore.OpenReadOnly(path), json);

    /// <summary>The event views of pages and their JSON text, kept while each event's row is unchanged.</summary>
    public EventSummaries Summaries { get; } = new(row => Summary(row.Read()), json ?? DefaultJson());

    private static System.Text.Json.JsonSerializerOptions DefaultJson()
    {
        var o = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Hosting.VigieWebHost.Configure(o);
        return o;
    }

    /// <summary>The totals of the filters, kept per data version: a filter is counted once per version.</summary>
    public PageTotals Totals { get; } = new();

    public EventPage Events(EventFilter filter, int page, int pageSize) => Use(store =>
    {
        var offset = (long)(page - 1) * pageSize;
        // one more than the page: whether another page follows, without counting
        var rows = store.EventPageRows(filter, offset, pageSize + 1);
        var more = rows.Count > pageSize;
        var shown = more ? pageSize : rows.Count;
        var version = store.DataVersion();
        long total;
        if (!more && (shown > 0 || offset == 0))
        {
            // the last page: every match is before its end
            total = offset + shown;
            Totals.Keep(version, filter, total);
        }
        else total = Totals.Get(version, filter, () => store.EventCount(filter));
        return PageOf(rows, shown, more, total, page, pageSize, version);
    });

    public EventPage EventsAfter(EventFilter filter, PageKey after, int pageSize) => Use(store =>
    {
        var rows = store.EventPageRows(filter, 0, pageSize + 1, after);
        var more = rows.Count > pageSize;
        var version = store.DataVersion();
        var total = Totals.Get(version, filter, () => store.EventCount(filter));
        return PageOf(rows, more ? pageSize : rows.Count, more, total, 0, pageSize, version);
    });

    /// <summary>The first <paramref name="shown"/> rows as a page: each event's view and its JSON text from <see cref="Summaries"/>.</summary>
    private EventPage PageOf(IReadOnlyList<StoredEventRow> rows, int shown, bool more, long total, int page, int pageSize, string version)
    {
        var events = new EventSummary[shown];
        var texts = new byte[shown][];
        for (var i = 0; i < shown; i++) (events[i], texts[i]) = Summaries.Of(rows[i]);
        return new EventPage(total, page, pageSize, events)
        {
            Next = more ? rows[shown - 1].Key.ToString() : null,
            Version = version,
            EventJson = texts,
        };
    }

    public string? DataVersion() => Use(store => store.DataVersion());

    public EventDetail? Event(string id) => Use(store =>
    {
        var e = store.Event(id);
        if (e == null) return null;
        var p = EventProjection.Of(e);
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        var mentions = new List<MentionView>();
        foreach (var pm in p.Mentions)
        {
            var m = pm.Stored;
            if (!texts.TryGetValue(m.DocumentHash, out var text)) texts[m.DocumentHash] = text = store.DocumentText(m.DocumentHash);
            mentions.Add(new MentionView
            {
                DocumentId = m.DocumentHash,
                DocumentName = m.DocumentId,
                DocumentTitle = m.DocumentTitle,
                DocumentDate = m.Published,
                Url = m.DocumentUrl,
                Source = m.Source,
                Modality = m.Modality,
                Fatalities = m.Fatalities,
                Evidence = pm.Evidence,
                Sentences = text == null ? [] : Sentences(text, pm.Support),
            });
        }
        var claims = p.Mentions.Select(x => x.Stored).Select(m => new ClaimView(m.Source, m.Fatalities, m.DocumentHash, m.DocumentId)).ToList();
        return new EventDetail(Summary(p), mentions, claims);
    });

    public DocumentView? Document(string id) => Use(store =>
    {
        var d = store.Document(id);
        if (d == null) return null;
        var spans = new List<SpanView>();
        var events = d.Record.Events ?? [];
        for (var rank = 0; rank < events.Count; rank++)
        {
            var eventId = d.EventIdsByRank.GetValueOrDefault(rank);
            var e = events[rank];
            foreach (var s in e.Evidence) spans.Add(new SpanView(s.Start, s.End, "event", eventId));
            foreach (var (field, list) in e.FieldEvidence ?? [])
                foreach (var s in list) spans.Add(new SpanView(s.Start, s.End, SpanKind(field), eventId));
            foreach (var s in e.Location?.Evidence ?? []) spans.Add(new SpanView(s.Start, s.End, "location", eventId));
        }
        foreach (var r in d.Record.CasualtyReports ?? [])
        {
            foreach (var s in r.Evidence) spans.Add(new SpanView(s.Start, s.End, "figure", null));
            foreach (var f in r.Figures)
                foreach (var s in f.Evidence ?? []) spans.Add(new SpanView(s.Start, s.End, "fatalities", null));
        }
        if (d.Record.DateResolved is { } dr) foreach (var s in dr.Evidence) spans.Add(new SpanView(s.Start, s.End, "date", null));
        return new DocumentView
        {
            Id = d.ContentHash, Name = d.Id, Title = d.Title, Date = d.Date, DateResolved = d.Record.DateResolved?.Date.ToString(), Lang = d.Lang, Url = d.Url, Outlet = d.Source, Text = d.Text,
            Spans = spans.Where(s => s.Start >= 0 && s.End <= d.Text.Length && s.Start < s.End).OrderBy(s => s.Start).ThenByDescending(s => s.End).ToList(),
        };
    });

    public StatsView Stats(EventFilter filter) => Use(store =>
    {
        static IReadOnlyList<CountRow> Rows(IReadOnlyList<Vigie.Storage.CountRow> rows) => rows.Select(r => new CountRow(r.Key, r.Events, r.Fatalities)).ToList();
        var totals = store.EventTotals(filter);
        return new StatsView
        {
            Events = totals.Events,
            Fatalities = totals.Fatalities,
            Documents = store.Counts().Documents,
            FirstDate = totals.FirstDay,
            LastDate = totals.LastDay,
            ByType = Rows(store.EventCounts(filter, CountBy.Type)),
            ByCountry = Rows(store.EventCounts(filter, CountBy.Country)),
            ByDay = Rows(store.EventCounts(filter, CountBy.Day)),
            ByActor = Rows(store.EventCounts(filter, CountBy.Actor, limit: 500)),
            BySource = Rows(store.EventCounts(filter, CountBy.Source, limit: 500)),
        };
    });

    public string? Health()
    {
        try { return Use(store => { store.Counts(); return (string?)null; }); }
        catch (StoreException e) { return e.Message; }
        catch (System.Data.Common.DbException e) { return $"the database cannot be read: {e.Message.ReplaceLineEndings(" ")}"; }
    }

    /// <summary>
    /// Readers kept for the next requests: more than the requests a busy server runs at once, so that none is opened per
    /// request (an SQLite open reads the schema: about 4 ms of CPU on a large file), and few enough that the PostgreSQL
    /// connections a server keeps stay well under the server's limit.
    /// </summary>
    public const int MaxPooled = 32;

    private T Use<T>(Func<IStoreReader, T> read)
    {
        if (!_pool.TryTake(out var store)) store = open();
        var healthy = false;
        try
        {
            var result = store.ReadSnapshot(() => read(store));
            healthy = true;
            return result;
        }
        finally
        {
            if (healthy && _pool.Count < MaxPooled) _pool.Add(store);
            else store.Dispose();
        }
    }

    public void Dispose()
    {
        while (_pool.TryTake(out var s)) s.Dispose();
    }

    private static EventSummary Summary(StoredEvent s) => Summary(EventProjection.Of(s));

    /// <summary>The map's view of an event, from the projection the exports also write.</summary>
    private static EventSummary Summary(EventProjection p)
    {
        var e = p.Event;
        return new EventSummary
        {
            Id = p.Id,
            Type = e.Type,
            Subtype = e.Subtype,
            DateStart = p.DateStart,
            DateEnd = p.DateEnd,
            DatePrecision = p.DatePrecision,
            Location = e.Location is { } l ? new PlaceView(l.Name, l.Country, l.Admin1, l.Lat, l.Lon, l.Precision) : null,
            Actor1 = e.Actor1 is { } a1 ? new ActorView(a1.Name, a1.Kind, a1.Country) : null,
            Actor2 = e.Actor2 is { } a2 ? new ActorView(a2.Name, a2.Kind, a2.Country) : null,
            Fatalities = p.Fatalities.Unknown ? null : new Fatalities(p.Fatalities.Low, p.Fatalities.Best, p.Fatalities.High),
            Sources = p.Sources,
            Modality = e.Modality,
        };
    }

    private static string SpanKind(string field) => field switch
    {
        "actor1" or "actor2" => "actor",
        "date" => "date",
        "fatalities" => "fatalities",
        "location" or "place" => "location",
        "source" or "sources" => "source",
        _ => "event",
    };

    /// <summary>The sentences of <paramref name="text"/> that hold the spans, each with the spans inside it.</summary>
    public static IReadOnlyList<SentenceView> Sentences(string text, IReadOnlyList<TextSpan> spans)
    {
        var valid = spans.Where(s => s.IsValidFor(text) && s.Length > 0).ToList();
        if (valid.Count == 0) return [];
        var sentences = Tokenizer.SplitSentences(text, Tokenizer.Tokenize(text));
        var result = new List<SentenceView>();
        foreach (var sentence in sentences)
        {
            var inside = valid.Where(s => s.Overlaps(sentence.Span)).ToList();
            if (inside.Count == 0) continue;
            // a span longer than the sentence (a whole paragraph of evidence) is cut to it
            var cut = inside.Select(s => new TextSpan(Math.Max(s.Start, sentence.Span.Start), Math.Min(s.End, sentence.Span.End))).Distinct().Order().ToList();
            result.Add(new SentenceView(sentence.Span.Start, sentence.Span.End, sentence.Span.Of(text), cut));
        }
        return result;
    }
}
