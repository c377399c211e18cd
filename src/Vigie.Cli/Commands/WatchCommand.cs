using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Vigie.Cli.Service;
using Vigie.Errors;
using Vigie.Queue;
using Vigie.Readers;
using Vigie.Storage;
using Vigie.Watch;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie watch</c>: polls feeds and folders, stores (or queues) what is new; its state lives in the database.</summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var feeds = new Option<string?>("--feeds") { Description = "A file of RSS/Atom addresses, one a line ('#' starts a comment)", HelpName = "FILE" };
        var dirs = new Option<string[]>("--dir") { Description = "A folder whose new files are read (every format ingest reads); may be repeated", HelpName = "PATH" };
        var every = CliOptions.Duration("--every", "Time between two polls", "5m");
        var once = new Option<bool>("--once") { Description = "Poll once and stop (for cron); exit 1 when a source could not be read" };
        var status = new Option<bool>("--status") { Description = "Print the state of every source from the database (works while a watcher runs) and stop" };
        var to = new Option<string?>("--to") { Description = "Publish new documents to the queue at this address instead of storing them (workers store them); the watch state stays in --db", HelpName = "nats://HOST:PORT" };
        var queueName = QueueOptions.Name();
        var timeout = CliOptions.Duration("--timeout", "Longest time for one HTTP request", "30s");
        var hostDelay = CliOptions.Duration("--host-delay", "Pause between two requests to the same host", "1s");
        var maxBody = new Option<int>("--max-body")
        {
            Description = "Largest HTTP body read (bytes, or with K or M); a larger one is an error of that source [default: 8M]",
            HelpName = "SIZE",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 0 ? "" : r.Tokens[0].Value;
                if (DocumentSplitter.TryParseSize(text, out var n) && n >= 1024) return n;
                r.AddError($"--max-body '{text}' is not a size of at least 1K: write a number of bytes, or 500K, 8M");
                return 0;
            },
        };
        var command = new ServiceCommand("watch", "Poll RSS/Atom feeds and folders, and store what is new (or queue it with --to); Ctrl+C or SIGTERM stops after the current batch")
        {
            feeds, dirs, every.Option, once, status, to, queueName, timeout.Option, hostDelay.Option, maxBody,
        };
        CliHelp.SetExamples(command,
            "vigie watch --feeds feeds.txt --every 10m",
            "vigie watch --dir incoming/ --once",
            "vigie watch --status",
            "vigie watch --feeds feeds.txt --to nats://127.0.0.1:4222");
        command.SetAction((parse, cancel) =>
        {
            var output = CommandOutput.Of(parse);
            if (parse.GetValue(status)) return Task.FromResult(Status(GlobalOptions.Db(parse), output));
            return RunAsync(new Options(GlobalOptions.Db(parse), parse.GetValue(feeds), parse.GetValue(dirs) ?? [], every.Get(parse), parse.GetValue(once),
                parse.GetValue(to), parse.GetValue(queueName) ?? QueueSettings.DefaultName, timeout.Get(parse), hostDelay.Get(parse), parse.GetResult(maxBody) == null ? 8 * 1024 * 1024 : parse.GetValue(maxBody)), output, cancel);
        });
        return command;
    }

    /// <summary>What <c>vigie watch</c> was asked: the database (which also keeps the watch state), the feed list and
    /// folders, the poll interval, one poll or many, the queue to publish to instead of storing, and the HTTP limits.</summary>
    public sealed record Options(string Db, string? Feeds, string[] Dirs, TimeSpan Every, bool Once, string? To, string Queue, TimeSpan Timeout, TimeSpan HostDelay, int MaxBody);

    /// <summary><c>watch --status</c>: the state of every source kept in <paramref name="db"/>.</summary>
    public static int Status(string db, CommandOutput output)
    {
        using var store = StoreAccess.Open(db, mustExist: true);
        var sources = WatchStates.Of(store).Sources();
        if (sources.Count == 0)
        {
            output.Out.WriteLine($"no source watched yet in {store.Name} (run 'vigie watch --feeds FILE' or 'vigie watch --dir PATH')");
            return ExitCodes.Ok;
        }
        var table = new TextTable(new TextColumn("source", NoWrap: true), new TextColumn("state"), new TextColumn("last poll", 1),
            new TextColumn("documents", 1, Right: true), new TextColumn("last status", 2));
        foreach (var s in sources) table.Add(s.Source, StateOf(s), Time(s.LastPoll), s.Documents.ToString(CultureInfo.InvariantCulture), s.LastStatus);
        table.Write(output);
        return ExitCodes.Ok;
    }

    private static string StateOf(SourceState s) =>
        s.Failures == 0 ? "ok" : $"{s.Failures} error(s) in a row, next try {Time(s.RetryAfter)}";

    private static string Time(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "–";

    public static async Task<int> RunAsync(Options settings, CommandOutput output, CancellationToken cancel)
    {
        var error = output.Err;
        if (settings.Feeds == null && settings.Dirs.Length == 0) throw new UsageException("watch needs --feeds FILE or --dir PATH (or --status)");
        if (settings.To != null && QueueSettings.Problem(settings.To, settings.Queue) is { } bad) throw new UsageException(bad);
        var problems = new List<InputProblem>();
        IReadOnlyList<Uri> feeds = [];
        if (settings.Feeds != null)
        {
            if (!File.Exists(settings.Feeds)) throw new UserException($"{ErrorCatalogue.Unreadable.Code} no feed list at {Path.GetFullPath(settings.Feeds)}");
            (feeds, var badLines) = FeedList.Parse(settings.Feeds, File.ReadLines(settings.Feeds));
            problems.AddRange(badLines);
            foreach (var p in badLines) error.WriteLine(p);
        }
        foreach (var d in settings.Dirs)
            if (!Directory.Exists(d)) throw new UserException($"{ErrorCatalogue.Unreadable.Code} no folder at {Path.GetFullPath(d)}");

        var db = settings.Db;
        var sqliteFile = StoreAccess.IsServer(db) ? null : db;
        using var store = await StoreAccess.OpenLockedAsync(db, cancel);
        var state = WatchStates.Of(store);
        var runId = "watch-" + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        using var stop = new StopSignal(cancel);
        DocumentQueue? queue = null;
        try { if (settings.To != null) queue = await QueueOptions.OpenAsync(settings.To, settings.Queue, stop.Token); }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested) { return ExitCodes.Ok; } // stopped while starting
        await using var _q = queue;
        IDocumentBatchSink sink = queue != null ? new QueueSink(queue) : new StoreBatchSink(store, runId, sqliteFile);
        using var http = new PoliteHttp { Timeout = settings.Timeout, HostDelay = settings.HostDelay, MaxBytes = settings.MaxBody };
        var watcher = new Watcher(state, sink, http, new WatchOptions { Feeds = feeds, Folders = settings.Dirs });
        var anyError = problems.Count > 0;
        var target = queue != null ? $"queue {settings.To} ({settings.Queue})" : store.Name;

        if (output.Interactive && !settings.Once)
        {
            var console = output.Console();
            var last = new List<string>();
            await console.Live(new Markup($"[grey]first poll of {feeds.Count + settings.Dirs.Length} source(s)…[/]")).StartAsync(async live =>
            {
                while (!stop.Token.IsCancellationRequested)
                {
                    var summary = await watcher.PollAsync(stop.Token);
                    if (summary.Cancelled) break;
                    last.InsertRange(0, summary.Problems.Select(p => p.ToString()));
                    if (last.Count > 5) last.RemoveRange(5, last.Count - 5);
                    live.UpdateTarget(View(summary, last, target, DateTimeOffset.UtcNow + settings.Every));
                    if (!await Wait(settings.Every, stop.Token)) break;
                }
            });
            output.Out.WriteLine("watch: stopped");
            return ExitCodes.Ok;
        }

        while (true)
        {
            var summary = await watcher.PollAsync(stop.Token);
            if (summary.Cancelled) { error.WriteLine("watch: stopped before the poll's documents were handed over; nothing of it was written"); break; }
            foreach (var p in summary.Problems) error.WriteLine(p);
            output.Out.WriteLine(LogLine(summary, target));
            anyError |= summary.SourcesWithErrors > 0 || summary.Failed > 0;
            if (settings.Once || !await Wait(settings.Every, stop.Token)) break;
        }
        return settings.Once && anyError ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    private static async Task<bool> Wait(TimeSpan every, CancellationToken stop)
    {
        try { await Task.Delay(every, stop); return true; }
        catch (OperationCanceledException) { return false; }
    }

    /// <summary>One line per poll: when, sources read, failed and backing off, and the documents.</summary>
    public static string LogLine(PollSummary s, string target)
    {
        var read = s.Sources.Count(x => x.Ok);
        var failed = s.SourcesWithErrors;
        var waiting = s.Sources.Count(x => x.Skipped);
        var backoff = s.Sources.Where(x => !x.Ok).Select(x => $"{x.Source}: {x.Status}");
        return $"{s.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} poll {s.Poll}: "
               + $"{s.Sources.Count} sources ({read} read, {failed} failed, {waiting} backing off), "
               + $"{s.Found} new documents: {s.Stored} {(target.StartsWith("queue", StringComparison.Ordinal) ? "queued" : "stored")}, {s.Known} already known, {s.Failed} failed"
               + (failed + waiting > 0 ? " | " + string.Join("; ", backoff) : "");
    }

    private static IRenderable View(PollSummary s, List<string> problems, string target, DateTimeOffset next)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumn("source").AddColumn("state").AddColumn(new TableColumn("new").RightAligned());
        foreach (var x in s.Sources)
            table.AddRow(Markup.Escape(x.Source),
                x.Ok ? "[green]" + Markup.Escape(x.Status) + "[/]" : x.Skipped ? "[yellow]" + Markup.Escape(x.Status) + "[/]" : "[red]" + Markup.Escape(x.Status) + "[/]",
                x.NewItems.ToString(CultureInfo.InvariantCulture));
        var rows = new List<IRenderable>
        {
            new Markup($"[bold]poll {s.Poll}[/] at {s.At.UtcDateTime:HH:mm:ss}Z → {Markup.Escape(target)}: {s.Found} new, {s.Stored} stored, {s.Known} known, {s.Failed} failed; next poll at {next.UtcDateTime:HH:mm:ss}Z (Ctrl+C stops)"),
            table,
        };
        rows.AddRange(problems.Select(p => new Markup("[grey]" + Markup.Escape(p) + "[/]")));
        return new Rows(rows);
    }
}
