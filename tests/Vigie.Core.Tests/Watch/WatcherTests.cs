using System.Text;
using Vigie.Model;
using Vigie.Storage;
using Vigie.Watch;

namespace Vigie.Tests.Watch;

/// <summary>The watcher against a local HTTP server whose feeds change between polls, answer 304, 500, slowly, too much or not XML.</summary>
public class WatcherTests
{
    private const string Date = "Tue, 14 May 2019 08:00:00 GMT";

    /// <summary>A long dispatch (over the summary threshold), different for each n.</summary>
    private static string Dispatch(int n) =>
        $"Au moins {n + 3} civils ont été tués mardi dans des frappes aériennes sur Idleb, selon l'Observatoire syrien des droits de l'homme (dépêche {n}). "
        + string.Concat(Enumerable.Repeat("Les combats se poursuivaient dans le sud de la province, a indiqué une source militaire. ", 20));

    private sealed class MemoryState : IWatchState
    {
        public readonly Dictionary<string, SourceState> States = new(StringComparer.Ordinal);
        public readonly HashSet<string> Keys = new(StringComparer.Ordinal);
        public int Commits;
        public IReadOnlyList<SourceState> Sources() => States.Values.OrderBy(s => s.Source, StringComparer.Ordinal).ToList();
        public SourceState? Source(string source) => States.GetValueOrDefault(source);
        public IReadOnlySet<string> Seen(IEnumerable<string> keys) => keys.Where(Keys.Contains).ToHashSet(StringComparer.Ordinal);
        public void Commit(IEnumerable<SourceState> sources, IEnumerable<SeenItem> seen)
        {
            Commits++;
            foreach (var s in sources) States[s.Source] = s;
            foreach (var k in seen) Keys.Add(k.Key);
        }
    }

    private sealed class RecordingSink : IDocumentBatchSink
    {
        public readonly List<Document> Stored = [];
        private readonly HashSet<string> _hashes = new(StringComparer.Ordinal);
        public Task<IReadOnlyList<SinkItemResult>> StoreAsync(IReadOnlyList<Document> documents, CancellationToken cancel = default)
        {
            var results = documents.Select(d =>
            {
                if (!_hashes.Add(d.ContentHash)) return new SinkItemResult(d, SinkOutcome.Known);
                Stored.Add(d);
                return new SinkItemResult(d, SinkOutcome.Stored);
            }).ToList();
            return Task.FromResult<IReadOnlyList<SinkItemResult>>(results);
        }
    }

    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static PoliteHttp Http() => new() { Timeout = TimeSpan.FromSeconds(2), HostDelay = TimeSpan.Zero, MaxBytes = 64 * 1024 };

    [Fact]
    public async Task Poll_FeedChangesBetweenPolls_HandsOverOnlyNewItemsAndUsesConditionalGet()
    {
        using var server = new FeedServer();
        var items = new List<(string, string, string, string)> { (server.Root + "/a/1", "Frappes sur Idleb", Dispatch(1), Date), (server.Root + "/a/2", "Combats", Dispatch(2), Date) };
        var version = 1;
        server.Serve("/feed.xml", req =>
        {
            var tag = $"\"v{version}\"";
            if (req.Headers["If-None-Match"] == tag) return new Answer(304, []) { ETag = tag };
            return Answer.Text(FeedServer.Rss("Fil", items.ToArray())) with { ETag = tag };
        });
        var state = new MemoryState();
        var sink = new RecordingSink();
        using var http = Http();
        var watcher = new Watcher(state, sink, http, new WatchOptions { Feeds = [server.Url("/feed.xml")] });

        var first = await watcher.PollAsync();
        Assert.Equal(2, first.Stored);
        Assert.Equal(["/a/1", "/a/2"], sink.Stored.Select(d => new Uri(d.Id).AbsolutePath).Order().ToArray());
        Assert.Equal("\"v1\"", state.States[server.Url("/feed.xml").AbsoluteUri].ETag);

        var unchanged = await watcher.PollAsync();
        Assert.Equal(0, unchanged.Found);
        Assert.Contains("304", unchanged.Sources.Single().Status);
        Assert.Equal("\"v1\"", server.Requests.Last().IfNoneMatch);

        items.Add((server.Root + "/a/3", "Nouvelle attaque", Dispatch(3), Date));
        version = 2;
        var changed = await watcher.PollAsync();
        Assert.Equal(1, changed.Stored);
        Assert.EndsWith("/a/3", sink.Stored[^1].Id);
        Assert.Equal(3, state.States[server.Url("/feed.xml").AbsoluteUri].Documents);
        Assert.StartsWith("Vigie/", server.Requests.First().UserAgent);
    }

    [Fact]
    public async Task Poll_BrokenFeeds_NeverStopTheOthersAndBackOff()
    {
        using var server = new FeedServer();
        server.Serve("/good.xml", Answer.Text(FeedServer.Rss("Bon", (server.Root + "/g/1", "Frappes", Dispatch(10), Date))));
        server.Serve("/error.xml", new Answer(500, Encoding.UTF8.GetBytes("boom"), "text/plain"));
        server.Serve("/malformed.xml", Answer.Text("<rss><channel><item><title>cut"));
        // (the slow feed answers long after the client's timeout, and the others well within it, even on a loaded machine)
        server.Serve("/slow.xml", Answer.Text(FeedServer.Rss("Lent", (server.Root + "/s/1", "Lent", Dispatch(11), Date))) with { Delay = TimeSpan.FromSeconds(12) });
        server.Serve("/huge.xml", new Answer(200, Encoding.UTF8.GetBytes("<rss>" + new string(' ', 200 * 1024) + "</rss>")));
        server.Serve("/loop.xml", new Answer(302, []) { Location = "/loop.xml" });
        var feeds = new[] { "/good.xml", "/error.xml", "/malformed.xml", "/slow.xml", "/huge.xml", "/loop.xml", "/missing.xml" }.Select(server.Url).ToList();
        var state = new MemoryState();
        var sink = new RecordingSink();
        var clock = new Clock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        using var http = new PoliteHttp { Timeout = TimeSpan.FromSeconds(5), HostDelay = TimeSpan.Zero, MaxBytes = 64 * 1024 };
        var watcher = new Watcher(state, sink, http, new WatchOptions { Feeds = feeds, Backoff = TimeSpan.FromMinutes(1) }, clock);

        var poll = await watcher.PollAsync();
        Assert.True(sink.Stored.Count == 1, "stored: " + string.Join(", ", sink.Stored.Select(d => d.Url)) + "; statuses: "
                                              + string.Join(", ", poll.Sources.Select(s => s.Source + " " + s.Status)));
        Assert.Equal(6, poll.SourcesWithErrors);
        string StatusOf(string path) => poll.Sources.Single(s => s.Source == server.Url(path).AbsoluteUri).Status;
        Assert.Contains("500", StatusOf("/error.xml"));
        Assert.Contains("not well-formed XML", StatusOf("/malformed.xml"));
        Assert.Contains("within 5 s", StatusOf("/slow.xml"));
        Assert.Contains("over the limit", StatusOf("/huge.xml"));
        Assert.Contains("redirect", StatusOf("/loop.xml"));
        Assert.Contains("404", StatusOf("/missing.xml"));
        var error = state.States[server.Url("/error.xml").AbsoluteUri];
        Assert.Equal(1, error.Failures);
        Assert.Equal(clock.Now.AddMinutes(1), error.RetryAfter);

        // within the backoff the failed feed is not asked again; the good one is
        clock.Now = clock.Now.AddSeconds(30);
        var waiting = await watcher.PollAsync();
        Assert.Equal(1, server.Count("/error.xml"));
        Assert.Equal(2, server.Count("/good.xml"));
        Assert.True(waiting.Sources.Single(s => s.Source == server.Url("/error.xml").AbsoluteUri).Skipped);

        // after it, asked again: a second error doubles the wait; a success clears it
        clock.Now = clock.Now.AddMinutes(1);
        await watcher.PollAsync();
        Assert.Equal(2, server.Count("/error.xml"));
        Assert.Equal(clock.Now.AddMinutes(2), state.States[server.Url("/error.xml").AbsoluteUri].RetryAfter);
        server.Serve("/error.xml", Answer.Text(FeedServer.Rss("Réparé", (server.Root + "/e/1", "Réparé", Dispatch(12), Date))));
        clock.Now = clock.Now.AddMinutes(3);
        var repaired = await watcher.PollAsync();
        Assert.Equal(1, repaired.Stored);
        Assert.Equal(0, state.States[server.Url("/error.xml").AbsoluteUri].Failures);
        Assert.Null(state.States[server.Url("/error.xml").AbsoluteUri].RetryAfter);
    }

    [Fact]
    public async Task Poll_SummaryItems_ReadTheLinkedPageOrKeepTheSummary()
    {
        using var server = new FeedServer();
        var article = $"""
            <!DOCTYPE html><html lang="fr"><head><title>Frappes sur Idleb</title>
            <meta property="article:published_time" content="2019-05-14T08:00:00Z"></head>
            <body><nav>Accueil | Monde</nav><article><h1>Frappes sur Idleb</h1>
            <p>{Dispatch(20)}</p><p>{Dispatch(21)}</p></article><footer>Mentions légales</footer></body></html>
            """;
        server.Serve("/article.html", Answer.Text(article, "text/html; charset=utf-8"));
        server.Serve("/feed.xml", Answer.Text(FeedServer.Rss("Fil",
            (server.Root + "/article.html", "Frappes sur Idleb", "Au moins 23 civils tués à Idleb.", Date),
            (server.Root + "/gone.html", "Attaque à Gao", "Une attaque a visé un camp militaire près de Gao.", Date))));
        var sink = new RecordingSink();
        // (a generous timeout: this test is about summaries, and a loaded machine answers slowly)
        using var http = new PoliteHttp { Timeout = TimeSpan.FromSeconds(20), HostDelay = TimeSpan.Zero, MaxBytes = 64 * 1024 };
        var watcher = new Watcher(new MemoryState(), sink, http, new WatchOptions { Feeds = [server.Url("/feed.xml")] });

        var poll = await watcher.PollAsync();
        Assert.Equal(2, poll.Stored);
        var full = sink.Stored.Single(d => d.Id.EndsWith("/article.html", StringComparison.Ordinal));
        Assert.Contains("dépêche 21", full.Text);
        Assert.DoesNotContain("Mentions légales", full.Text);
        var summary = sink.Stored.Single(d => d.Id.EndsWith("/gone.html", StringComparison.Ordinal));
        Assert.Contains("camp militaire près de Gao", summary.Text);
        var warning = Assert.Single(poll.Problems);
        Assert.Contains("VIG-R020", warning.Message);
        Assert.Contains("/gone.html", warning.Message);
    }

    [Fact]
    public async Task Poll_Folder_ReadsNewFilesOnce()
    {
        var dir = Directory.CreateTempSubdirectory("vigie-watch-dir-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.txt"), Dispatch(30));
            File.WriteAllText(Path.Combine(dir, "notes.md"), "not an input");
            var sink = new RecordingSink();
            using var http = Http();
            var watcher = new Watcher(new MemoryState(), sink, http, new WatchOptions { Folders = [dir], Reader = new Vigie.Readers.ReaderOptions { Date = PartialDate.OfYear(2019) } });
            Assert.Equal(1, (await watcher.PollAsync()).Stored);
            File.WriteAllText(Path.Combine(dir, "b.txt"), Dispatch(31));
            var second = await watcher.PollAsync();
            Assert.Equal(1, second.Found);
            Assert.Contains("dépêche 31", sink.Stored[^1].Text);
            Assert.Equal(0, (await watcher.PollAsync()).Found);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public async Task Poll_CancelledBeforeHandOver_WritesNothing()
    {
        using var server = new FeedServer();
        server.Serve("/slow.xml", Answer.Text(FeedServer.Rss("Lent", (server.Root + "/s/1", "Lent", Dispatch(40), Date))) with { Delay = TimeSpan.FromSeconds(10) });
        var state = new MemoryState();
        var sink = new RecordingSink();
        // (the answer comes long after the cancellation and the client waits longer still: on a loaded machine the cancellation
        // is still what ends the poll)
        using var http = new PoliteHttp { Timeout = TimeSpan.FromSeconds(30), HostDelay = TimeSpan.Zero, MaxBytes = 64 * 1024 };
        var watcher = new Watcher(state, sink, http, new WatchOptions { Feeds = [server.Url("/slow.xml")] });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var poll = await watcher.PollAsync(cancel.Token);
        Assert.True(poll.Cancelled);
        Assert.Empty(sink.Stored);
        Assert.Equal(0, state.Commits);
    }

    [Fact]
    public async Task Poll_ServerAsksToWait_RetryAfterIsHonoured()
    {
        using var server = new FeedServer();
        server.Serve("/busy.xml", new Answer(503, "busy"u8.ToArray(), "text/plain") { RetryAfter = "600" });
        var state = new MemoryState();
        var clock = new Clock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        // (a generous timeout: this test is about the server's answer, and a loaded machine answers slowly)
        using var http = new PoliteHttp { Timeout = TimeSpan.FromSeconds(20), HostDelay = TimeSpan.Zero, MaxBytes = 64 * 1024 };
        var watcher = new Watcher(state, new RecordingSink(), http, new WatchOptions { Feeds = [server.Url("/busy.xml")], Backoff = TimeSpan.FromMinutes(1) }, clock);
        var poll = await watcher.PollAsync();
        Assert.Contains("503", poll.Sources.Single().Status);
        Assert.Equal(clock.Now.AddMinutes(10), state.States[server.Url("/busy.xml").AbsoluteUri].RetryAfter);
    }

    [Fact]
    public async Task Poll_FeedsOfOneHost_OneRequestAtATimeWithAPause()
    {
        using var server = new FeedServer();
        var paths = new[] { "/1.xml", "/2.xml", "/3.xml" };
        foreach (var (path, i) in paths.Select((p, i) => (p, i)))
            server.Serve(path, Answer.Text(FeedServer.Rss("Fil", (server.Root + "/item" + i, "Frappes", Dispatch(50 + i), Date))) with { Delay = TimeSpan.FromMilliseconds(100) });
        using var http = new PoliteHttp { Timeout = TimeSpan.FromSeconds(5), HostDelay = TimeSpan.FromMilliseconds(200) };
        var watcher = new Watcher(new MemoryState(), new RecordingSink(), http, new WatchOptions { Feeds = paths.Select(server.Url).ToList(), Parallel = 8 });
        Assert.Equal(3, (await watcher.PollAsync()).Stored);
        Assert.Equal(1, server.MaxInFlight);
        var starts = server.Requests.Select(r => r.At).Order().ToList();
        for (var i = 1; i < starts.Count; i++) Assert.True(starts[i] - starts[i - 1] >= TimeSpan.FromMilliseconds(250), $"request {i} came {(starts[i] - starts[i - 1]).TotalMilliseconds} ms after the previous one");
    }

    [Fact]
    public void FeedList_CommentsBlankLinesAndBadAddresses()
    {
        var (feeds, problems) = FeedList.Parse("feeds.txt",
            ["# my feeds", "", "https://example.org/rss.xml  # world desk", "ftp://example.org/x", "https://example.org/rss.xml", "not a url", "http://example.net/atom"]);
        Assert.Equal(["https://example.org/rss.xml", "http://example.net/atom"], feeds.Select(f => f.AbsoluteUri).ToArray());
        Assert.Equal([4, 6], problems.Select(p => p.Origin.Line).ToArray());
        Assert.All(problems, p => Assert.Contains("VIG-R021", p.Message));
    }
}
