using System.CommandLine;
using Spectre.Console;
using Vigie.Cli.Service;
using Vigie.Queue;
using Vigie.Readers;
using Vigie.Storage;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie ingest PATH...</c>: reads, extracts and stores; re-running adds only what is new.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Input files or folders ('-' reads stdin)", Arity = ArgumentArity.OneOrMore };
        CliOptions.RejectOptionLikeValues(paths);
        var date = CliOptions.Date("--date", "Publication date for inputs that carry none");
        var inputFormat = new Option<string?>("--input-format") { Description = "Read every input as this format (seed, txt, jsonl, json, csv, html, feed)", HelpName = "FORMAT" };
        var threads = new Option<int>("--threads")
        {
            Description = "Extraction threads (one writer stores the results)",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--threads must be between 1 and 256");
        });
        var maxSize = CliOptions.MaxDocumentSize();
        var to = new Option<string?>("--to") { Description = "Publish the documents to the queue at this address instead of storing them (workers store them)", HelpName = "nats://HOST:PORT" };
        var queueName = QueueOptions.Name();
        var command = new Command("ingest", "Read articles, extract events and figures, and store them in the database (documents already stored are skipped)")
        {
            paths, date, inputFormat, threads, maxSize, to, queueName,
        };
        CliHelp.SetExamples(command,
            "vigie ingest samples/",
            "vigie ingest ../shared/seed/afp-fr-2018-04-damas.txt --db conflict.db",
            "vigie ingest feeds/ --threads 2",
            "vigie ingest samples/ --to nats://127.0.0.1:4222");
        command.SetAction((parse, cancel) => parse.GetValue(to) is { } url
            ? PublishAsync(parse, parse.GetValue(paths) ?? [],
                new ReaderOptions { Date = parse.GetValue(date), Format = parse.GetValue(inputFormat), MaxDocumentChars = parse.GetValue(maxSize) },
                url, parse.GetValue(queueName) ?? QueueSettings.DefaultName, cancel)
            : RunAsync(parse,
            parse.GetValue(paths) ?? [],
            new ReaderOptions { Date = parse.GetValue(date), Format = parse.GetValue(inputFormat), MaxDocumentChars = parse.GetValue(maxSize) },
            parse.GetValue(threads), cancel));
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parse, string[] paths, ReaderOptions options, int threads, CancellationToken cancel)
    {
        using var store = StoreAccess.Open(parse, mustExist: false);
        var ingestor = new Ingestor(store) { Threads = threads };
        var output = parse.Out();
        IngestSummary summary;
        if (Terminal.IsInteractive(parse))
        {
            summary = null!;
            await Terminal.Console(parse).Progress()
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("reading…");
                    task.IsIndeterminate = true;
                    var progress = new Progress<IngestProgress>(p =>
                        task.Description = $"{p.Seen} documents: {p.New} new, {p.Known} already known, {p.Rejected} rejected");
                    summary = await ingestor.RunAsync(paths, options, progress, cancel);
                    task.StopTask();
                });
        }
        else
        {
            // plain lines (CI, pipes): one on stderr every 10 seconds of a long run
            var throttle = new ProgressThrottle(TimeProvider.System, TimeSpan.FromSeconds(10));
            var progress = new SyncProgress<IngestProgress>(p =>
            {
                if (!throttle.Due()) return;
                parse.Err().WriteLine($"ingest: {p.Seen} documents ({p.New} new, {p.Known} already known, {p.Rejected} rejected)");
            });
            summary = await ingestor.RunAsync(paths, options, progress, cancel);
        }
        var error = parse.Err();
        foreach (var p in summary.Problems) error.WriteLine(p);
        output.WriteLine($"files: {summary.Files}");
        output.WriteLine($"documents: {summary.New} new, " + (summary.Republications > 0 ? $"{summary.Republications} republished, " : "")
                         + $"{summary.Known} already known, {summary.Rejected} rejected" + (summary.Warnings > 0 ? $", {summary.Warnings} warnings" : ""));
        foreach (var (file, n) in summary.RepublicationsByFile)
            output.WriteLine($"  {file}: {n} {(n == 1 ? "republication" : "republications")} of stored documents");
        output.WriteLine($"extracted: {summary.Events} event mentions, {summary.Figures} casualty figures");
        output.WriteLine($"database: {store.Name} ({store.Counts().Documents} documents, {summary.StoredEvents} events)");
        return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    /// <summary>
    /// <c>ingest --to</c>: reads like ingest, then publishes each document to the queue (message id = content
    /// hash: what the stream already holds within its duplicate window is dropped there, and counted).
    /// </summary>
    private static async Task<int> PublishAsync(ParseResult parse, string[] paths, ReaderOptions options, string url, string name, CancellationToken cancel)
    {
        await using var queue = await QueueOptions.OpenAsync(url, name, cancel);
        var error = parse.Err();
        int files = 0, published = 0, dropped = 0, rejected = 0, warnings = 0;
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var throttle = new ProgressThrottle(TimeProvider.System, TimeSpan.FromSeconds(10));
        foreach (var item in Inputs.Read(paths, options))
        {
            cancel.ThrowIfCancellationRequested();
            var origin = item.Document?.Origin ?? item.Problem!.Origin;
            if (!string.IsNullOrEmpty(origin.File) && seenFiles.Add(origin.File)) files++;
            if (item.Problem is { } p)
            {
                error.WriteLine(p);
                if (p.Severity == ProblemSeverity.Error) rejected++; else warnings++;
            }
            if (item.Document is not { } d) continue;
            if (await queue.PublishAsync(d, cancel)) published++; else dropped++;
            if (throttle.Due()) error.WriteLine($"ingest: {published + dropped} documents published ({dropped} already in the queue)");
        }
        var output = parse.Out();
        output.WriteLine($"files: {files}");
        output.WriteLine($"documents: {published} queued, {dropped} already in the queue (dropped as re-sends), {rejected} rejected" + (warnings > 0 ? $", {warnings} warnings" : ""));
        output.WriteLine($"queue: {url} (stream {queue.Settings.Stream}); run 'vigie worker --from {url}' to store them");
        return rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    /// <summary>Says when a progress line is due: once every <paramref name="interval"/> since the start or the last line.</summary>
    public sealed class ProgressThrottle(TimeProvider clock, TimeSpan interval)
    {
        private long _last = clock.GetTimestamp();

        public bool Due()
        {
            var now = clock.GetTimestamp();
            if (clock.GetElapsedTime(_last, now) < interval) return false;
            _last = now;
            return true;
        }
    }

    /// <summary>An IProgress that reports on the calling thread (the writer), so lines come in order.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
