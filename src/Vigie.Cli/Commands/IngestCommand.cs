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
        command.SetAction((parse, cancel) =>
        {
            var options = new Options(GlobalOptions.Db(parse), parse.GetValue(paths) ?? [],
                new ReaderOptions { Date = parse.GetValue(date), Format = parse.GetValue(inputFormat), MaxDocumentChars = parse.GetValue(maxSize) },
                parse.GetValue(threads), parse.GetValue(to), parse.GetValue(queueName) ?? QueueSettings.DefaultName);
            var output = CommandOutput.Of(parse);
            return options.To is { } url ? PublishAsync(options, url, output, cancel) : RunAsync(options, output, cancel);
        });
        return command;
    }

    /// <summary>What <c>vigie ingest</c> was asked: the database, the inputs and how to read them, the extraction threads,
    /// and the queue to publish to instead of storing (null: store).</summary>
    public sealed record Options(string Db, string[] Paths, ReaderOptions Reader, int Threads, string? To = null, string Queue = QueueSettings.DefaultName);

    public static async Task<int> RunAsync(Options options, CommandOutput output, CancellationToken cancel)
    {
        using var store = StoreAccess.Open(options.Db, mustExist: false);
        var ingestor = new Ingestor(store) { Threads = options.Threads };
        IngestSummary summary;
        if (output.Interactive)
        {
            summary = null!;
            await output.Console().Progress()
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("reading…");
                    task.IsIndeterminate = true;
                    var progress = new Progress<IngestProgress>(p =>
                        task.Description = $"{p.Seen} documents: {p.New} new, {p.Known} already known, {p.Rejected} rejected");
                    summary = await ingestor.RunAsync(options.Paths, options.Reader, progress, cancel);
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
                output.Err.WriteLine($"ingest: {p.Seen} documents ({p.New} new, {p.Known} already known, {p.Rejected} rejected)");
            });
            summary = await ingestor.RunAsync(options.Paths, options.Reader, progress, cancel);
        }
        var error = output.Err;
        foreach (var p in summary.Problems) error.WriteLine(p);
        output.Out.WriteLine($"files: {summary.Files}");
        output.Out.WriteLine($"documents: {summary.New} new, " + (summary.Republications > 0 ? $"{summary.Republications} republished, " : "")
                         + $"{summary.Known} already known, {summary.Rejected} rejected" + (summary.Warnings > 0 ? $", {summary.Warnings} warnings" : ""));
        foreach (var (file, n) in summary.RepublicationsByFile)
            output.Out.WriteLine($"  {file}: {n} {(n == 1 ? "republication" : "republications")} of stored documents");
        output.Out.WriteLine($"extracted: {summary.Events} event mentions, {summary.Figures} casualty figures");
        output.Out.WriteLine($"database: {store.Name} ({store.Counts().Documents} documents, {summary.StoredEvents} events)");
        return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    /// <summary>
    /// <c>ingest --to</c>: reads like ingest, then publishes each document to the queue (message id = content
    /// hash: what the stream already holds within its duplicate window is dropped there, and counted).
    /// </summary>
    private static async Task<int> PublishAsync(Options options, string url, CommandOutput output, CancellationToken cancel)
    {
        await using var queue = await QueueOptions.OpenAsync(url, options.Queue, cancel);
        var error = output.Err;
        int files = 0, published = 0, dropped = 0, rejected = 0, warnings = 0;
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var throttle = new ProgressThrottle(TimeProvider.System, TimeSpan.FromSeconds(10));
        foreach (var item in Inputs.Read(options.Paths, options.Reader))
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
        output.Out.WriteLine($"files: {files}");
        output.Out.WriteLine($"documents: {published} queued, {dropped} already in the queue (dropped as re-sends), {rejected} rejected" + (warnings > 0 ? $", {warnings} warnings" : ""));
        output.Out.WriteLine($"queue: {url} (stream {queue.Settings.Stream}); run 'vigie worker --from {url}' to store them");
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
