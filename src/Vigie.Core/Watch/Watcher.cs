using System.Globalization;
using Vigie.Errors;
using Vigie.Model;
using Vigie.Readers;
using Vigie.Storage;

namespace Vigie.Watch;

/// <summary>Settings of a watcher.</summary>
public sealed class WatchOptions
{
    public IReadOnlyList<Uri> Feeds { get; init; } = [];
    /// <summary>Folders whose new files are read (the files a folder given to <c>vigie ingest</c> would be read for: known extensions, no hidden entries).</summary>
    public IReadOnlyList<string> Folders { get; init; } = [];
    public ReaderOptions Reader { get; init; } = new();
    /// <summary>A feed item whose text is shorter than this (characters) is taken as a summary: its linked page is read.</summary>
    public int SummaryChars { get; init; } = 1500;
    /// <summary>Wait after a first error; doubled at each error in a row, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(6);
    /// <summary>Sources read at the same time (one at a time per host whatever this says).</summary>
    public int Parallel { get; init; } = 8;
}

/// <summary>How one source went in one poll.</summary>
public sealed record SourceReport(string Source, bool Ok, bool Skipped, int NewItems, string Status);

/// <summary>What one poll did: counts of documents, each source's line, and the problems (file or address and line).</summary>
public sealed record PollSummary
{
    public int Poll { get; init; }
    public DateTimeOffset At { get; init; }
    public int Found { get; init; }
    public int Stored { get; init; }
    public int Known { get; init; }
    public int Failed { get; init; }
    public IReadOnlyList<SourceReport> Sources { get; init; } = [];
    public IReadOnlyList<InputProblem> Problems { get; init; } = [];
    /// <summary>True when the poll stopped before handing its documents over (nothing of it was written).</summary>
    public bool Cancelled { get; init; }
    public int SourcesWithErrors => Sources.Count(s => !s.Ok && !s.Skipped);
}

/// <summary>
/// Polls feeds and folders and hands what is new to an <see cref="IDocumentBatchSink"/> (the store, or
/// the queue), then records in <see cref="IWatchState"/> the validators, the items seen and the backoff
/// of each source. Items are new when neither their address nor their content hash was seen. A
/// feed item with only a summary gets its linked page read (HTML reader); a page that cannot be read
/// leaves the summary, with a warning (VIG-R020). A source that fails is retried after a backoff that
/// doubles at each error in a row (or the Retry-After of a 429/503 when longer); it never stops the others. One poll is one batch: when it is
/// cancelled before the documents are handed over, nothing is written; once handed over, the batch
/// and the state are written to the end.
/// </summary>
public sealed class Watcher(IWatchState state, IDocumentBatchSink sink, PoliteHttp http, WatchOptions options, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    // sources are read on several threads; the state is asked one call at a time (a database connection is not shared)
    private readonly Lock _stateLock = new();

    private SourceState? StateOf(string source)
    {
        lock (_stateLock) return state.Source(source);
    }

    private IReadOnlySet<string> SeenOf(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        lock (_stateLock) return state.Seen(list);
    }
    private int _polls;

    public async Task<PollSummary> PollAsync(CancellationToken cancel = default)
    {
        var poll = Interlocked.Increment(ref _polls);
        var now = _clock.GetUtcNow();
        var results = new List<SourceResult>();
        try
        {
            using var limit = new SemaphoreSlim(Math.Max(1, options.Parallel));
            var tasks = options.Feeds.Select(async feed =>
            {
                await limit.WaitAsync(cancel).ConfigureAwait(false);
                try { return await ReadFeedAsync(feed, now, cancel).ConfigureAwait(false); }
                catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
                {
                    // whatever goes wrong with one feed is that feed's error, never the poll's
                    var previous = StateOf(feed.AbsoluteUri) ?? new SourceState { Source = feed.AbsoluteUri };
                    var failed = Failure(previous, now, "unexpected error: " + e.Message);
                    var r = new SourceResult(feed.AbsoluteUri, false, false, failed.LastStatus!, failed);
                    r.Problems.Add(new InputProblem(new Origin(feed.AbsoluteUri, 0), ProblemSeverity.Error, $"{ErrorCatalogue.Feed.Code} cannot read the feed: {failed.LastStatus}"));
                    return r;
                }
                finally { limit.Release(); }
            }).ToList();
            foreach (var folder in options.Folders) results.Add(ReadFolder(folder, now, cancel));
            results.AddRange(await Task.WhenAll(tasks).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return new PollSummary { Poll = poll, At = now, Cancelled = true };
        }

        // one batch: documents new to this poll (the same text from two feeds is handed over once)
        var documents = new List<Document>();
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in results)
            foreach (var d in r.Documents)
                if (hashes.Add(d.ContentHash)) documents.Add(d);
        IReadOnlyList<SinkItemResult> outcomes = [];
        if (documents.Count > 0) outcomes = await sink.StoreAsync(documents, CancellationToken.None).ConfigureAwait(false);

        var problems = results.SelectMany(r => r.Problems).ToList();
        foreach (var o in outcomes.Where(o => o.Outcome == SinkOutcome.Failed))
            problems.Add(new InputProblem(o.Document.Origin, ProblemSeverity.Error, "not stored: " + o.Error));
        var newByDocument = outcomes.ToDictionary(o => o.Document, o => o.Outcome == SinkOutcome.Stored);
        var states = new List<SourceState>();
        var reports = new List<SourceReport>();
        foreach (var r in results)
        {
            var stored = r.Documents.Count(d => newByDocument.GetValueOrDefault(d));
            if (r.State is { } s)
                states.Add(s with { Documents = s.Documents + stored, LastStatus = r.Ok && r.Documents.Count > 0 ? $"{r.Status}, {stored} new" : r.Status });
            reports.Add(new SourceReport(r.Source, r.Ok, r.Skipped, stored, r.Ok && r.Documents.Count > 0 ? $"{r.Status}, {stored} new" : r.Status));
        }
        state.Commit(states, results.SelectMany(r => r.Seen));
        return new PollSummary
        {
            Poll = poll, At = now, Found = documents.Count,
            Stored = outcomes.Count(o => o.Outcome == SinkOutcome.Stored),
            Known = outcomes.Count(o => o.Outcome == SinkOutcome.Known),
            Failed = outcomes.Count(o => o.Outcome == SinkOutcome.Failed),
            Sources = reports, Problems = problems,
        };
    }

    private sealed record SourceResult(string Source, bool Ok, bool Skipped, string Status, SourceState? State)
    {
        public List<Document> Documents { get; } = [];
        public List<SeenItem> Seen { get; } = [];
        public List<InputProblem> Problems { get; } = [];
    }

    /// <summary>The state after an error: one more in a row, and the next try after the backoff (longer when the server asked, within the maximum).</summary>
    private SourceState Failure(SourceState previous, DateTimeOffset now, string error, TimeSpan? serverAsked = null)
    {
        var failures = previous.Failures + 1;
        var backoff = options.Backoff.Ticks * (1L << Math.Min(failures - 1, 30));
        var wait = TimeSpan.FromTicks(Math.Min(options.MaxBackoff.Ticks, Math.Max(backoff, serverAsked?.Ticks ?? 0)));
        return previous with { LastPoll = now, Failures = failures, RetryAfter = now + wait, LastStatus = error };
    }

    private async Task<SourceResult> ReadFeedAsync(Uri feed, DateTimeOffset now, CancellationToken cancel)
    {
        var name = feed.AbsoluteUri;
        var previous = StateOf(name) ?? new SourceState { Source = name };
        if (previous.RetryAfter is { } retry && retry > now)
            return new SourceResult(name, false, true, $"backing off after {previous.Failures} error(s) ({previous.LastStatus}); next try {retry.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z", null);

        var fetched = await http.GetAsync(feed, previous.ETag, previous.LastModified, cancel).ConfigureAwait(false);
        if (fetched.NotModified)
            return new SourceResult(name, true, false, "304 not modified",
                previous with { LastPoll = now, LastSuccess = now, Failures = 0, RetryAfter = null, ETag = fetched.ETag, LastModified = fetched.LastModified });
        if (!fetched.Ok)
        {
            var failed = Failure(previous, now, fetched.Error ?? "no body", fetched.RetryAfter);
            var r = new SourceResult(name, false, false, failed.LastStatus!, failed);
            r.Problems.Add(new InputProblem(new Origin(name, 0), ProblemSeverity.Error, $"{ErrorCatalogue.Feed.Code} cannot read the feed: {fetched.Error}; next try after {failed.RetryAfter!.Value.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}Z"));
            return r;
        }

        var items = Inputs.ReadStream(name, new MemoryStream(fetched.Body!), new ReaderOptions
        {
            Format = "feed", Date = options.Reader.Date, MaxDocumentChars = options.Reader.MaxDocumentChars, MaxFileBytes = options.Reader.MaxFileBytes,
        }).ToList();
        var documents = items.Where(i => i.Document != null).Select(i => i.Document!).ToList();
        if (documents.Count == 0 && items.Any(i => i.IsRejection))
        {
            var error = items.First(i => i.IsRejection).Problem!;
            var failed = Failure(previous, now, error.Message);
            var r = new SourceResult(name, false, false, failed.LastStatus!, failed);
            r.Problems.Add(error);
            return r;
        }
        var ok = previous with { LastPoll = now, LastSuccess = now, Failures = 0, RetryAfter = null, ETag = fetched.ETag, LastModified = fetched.LastModified };
        var result = new SourceResult(name, true, false, "200", ok);
        result.Problems.AddRange(items.Where(i => i.Problem != null && i.Document == null).Select(i => i.Problem!));

        var keys = documents.SelectMany(d => Keys(d)).ToList();
        var seen = SeenOf(keys);
        foreach (var item in items)
        {
            if (item.Document is not { } d) continue;
            if (Keys(d).Any(seen.Contains)) continue;
            if (item.Problem != null) result.Problems.Add(item.Problem);
            foreach (var k in Keys(d)) result.Seen.Add(new SeenItem(k, name));
            var full = await FullTextAsync(d, result.Problems, cancel).ConfigureAwait(false);
            if (full != d) result.Seen.Add(new SeenItem(HashKey(full.ContentHash), name));
            result.Documents.Add(full);
        }
        return result;
    }

    private static IEnumerable<string> Keys(Document d)
    {
        if (!string.IsNullOrEmpty(d.Url)) yield return "url:" + d.Url;
        yield return HashKey(d.ContentHash);
    }

    private static string HashKey(string hash) => "hash:" + hash;

    /// <summary>An item's text, or for a summary with a link, the article of the linked page (the summary when the page cannot be read).</summary>
    private async Task<Document> FullTextAsync(Document item, List<InputProblem> problems, CancellationToken cancel)
    {
        if (!string.IsNullOrEmpty(item.Url)) item.Id = item.Url;
        if (item.Text.Length >= options.SummaryChars || !Uri.TryCreate(item.Url, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https"))
            return item;
        string reason;
        var page = await http.GetAsync(link, cancel: cancel).ConfigureAwait(false);
        if (page.Ok)
        {
            var read = Inputs.ReadStream(link.AbsoluteUri, new MemoryStream(page.Body!), new ReaderOptions
            {
                Format = "html", MaxDocumentChars = options.Reader.MaxDocumentChars, MaxFileBytes = options.Reader.MaxFileBytes,
            }).FirstOrDefault();
            if (read?.Document is { } article && article.Text.Length > item.Text.Length)
            {
                return new Document(item.Id, article.Text)
                {
                    Published = article.Published ?? item.Published,
                    Language = article.Language ?? item.Language,
                    Url = item.Url,
                    Title = article.Title ?? item.Title,
                    SourceOutlet = item.SourceOutlet ?? article.SourceOutlet,
                    Origin = item.Origin,
                };
            }
            reason = read?.Problem?.Message ?? "the page holds no longer text than the summary";
        }
        else reason = page.Error ?? "no body";
        problems.Add(new InputProblem(item.Origin, ProblemSeverity.Warning,
            $"{ErrorCatalogue.PageUnread.Code} the linked page {link.AbsoluteUri} could not be read ({reason}): the feed's summary is kept"));
        return item;
    }

    private SourceResult ReadFolder(string folder, DateTimeOffset now, CancellationToken cancel)
    {
        var name = Path.GetFullPath(folder);
        var previous = StateOf(name) ?? new SourceState { Source = name };
        if (!Directory.Exists(name))
        {
            var failed = Failure(previous, now, "no such folder");
            var r = new SourceResult(name, false, false, failed.LastStatus!, failed);
            r.Problems.Add(new InputProblem(new Origin(name, 0), ProblemSeverity.Error, $"{ErrorCatalogue.Unreadable.Code} no such folder"));
            return r;
        }
        var files = Directory.EnumerateFiles(name, "*", SearchOption.AllDirectories)
            .Where(f => Inputs.IsKnownExtension(f) && !Path.GetRelativePath(name, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .Select(f => (File: f, Key: FileKey(f)))
            .Where(f => f.Key != null)
            .ToList();
        var seen = SeenOf(files.Select(f => f.Key!));
        var result = new SourceResult(name, true, false, "folder read", previous with { LastPoll = now, LastSuccess = now, Failures = 0, RetryAfter = null });
        foreach (var (file, key) in files)
        {
            cancel.ThrowIfCancellationRequested();
            if (seen.Contains(key!)) continue;
            result.Seen.Add(new SeenItem(key!, name));
            foreach (var item in Inputs.Read([file], options.Reader))
            {
                if (item.Problem != null) result.Problems.Add(item.Problem);
                if (item.Document is { } d) result.Documents.Add(d);
            }
        }
        return result;
    }

    /// <summary>A file is new when its path, size and modification time were not seen together.</summary>
    private static string? FileKey(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return $"file:{info.FullName}:{info.Length}:{info.LastWriteTimeUtc.Ticks}";
        }
        catch (IOException) { return null; }
    }
}
