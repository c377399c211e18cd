using System.CommandLine;
using System.Globalization;
using Vigie.Cli.Service;
using Vigie.Queue;
using Vigie.Storage;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie worker --from nats://…</c>: takes documents from the queue, extracts and stores them in --db.</summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The queue's address", HelpName = "nats://HOST:PORT", Required = true };
        var queueName = QueueOptions.Name();
        var batch = new Option<int>("--batch") { Description = "Documents taken, extracted and stored together (one transaction)", HelpName = "N", DefaultValueFactory = _ => 32 };
        batch.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) r.AddError("--batch must be between 1 and 1000"); });
        var inFlight = new Option<int>("--max-in-flight") { Description = "Documents handed out to all the workers and not yet acknowledged, at most", HelpName = "N", DefaultValueFactory = _ => 256 };
        inFlight.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 100_000) r.AddError("--max-in-flight must be between 1 and 100000"); });
        var ackWait = CliOptions.Duration("--ack-wait", "A document a worker took and did not acknowledge within this time (it died) is delivered again", "1m");
        var threads = new Option<int>("--threads") { Description = "Extraction threads", HelpName = "N", DefaultValueFactory = _ => Environment.ProcessorCount };
        threads.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--threads must be between 1 and 256"); });
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Stop when the queue is empty and no worker holds a document (batch jobs, tests)" };
        var command = new ServiceCommand("worker", "Take documents from the queue, extract and store them in the database (any number of workers share the work); Ctrl+C or SIGTERM stops after the current batch")
        {
            from, queueName, batch, inFlight, ackWait.Option, threads, untilEmpty,
        };
        CliHelp.SetExamples(command,
            "vigie worker --from nats://127.0.0.1:4222 --db vigie.db",
            "vigie worker --from nats://127.0.0.1:4222 --until-empty");
        command.SetAction((parse, cancel) => RunAsync(new Options(GlobalOptions.Db(parse), parse.GetValue(from)!, parse.GetValue(queueName) ?? QueueSettings.DefaultName,
            new WorkerOptions
            {
                Batch = parse.GetValue(batch), MaxInFlight = parse.GetValue(inFlight), AckWait = ackWait.Get(parse), UntilEmpty = parse.GetValue(untilEmpty),
            }, parse.GetValue(threads)), CommandOutput.Of(parse), cancel));
        return command;
    }

    /// <summary>What <c>vigie worker</c> was asked: the database, the queue's address and name, how to take work from it, and the extraction threads.</summary>
    public sealed record Options(string Db, string Url, string Queue, WorkerOptions Worker, int Threads);

    public static async Task<int> RunAsync(Options settings, CommandOutput output, CancellationToken cancel)
    {
        var (url, name, options, threads) = (settings.Url, settings.Queue, settings.Worker, settings.Threads);
        if (QueueSettings.Problem(url, name) is { } bad) throw new UsageException(bad);
        var db = settings.Db;
        var sqliteFile = StoreAccess.IsServer(db) ? null : db;
        using var store = await StoreAccess.OpenLockedAsync(db, cancel);
        using var stop = new StopSignal(cancel);
        DocumentQueue queue;
        try { queue = await QueueOptions.OpenAsync(url, name, stop.Token); }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested) { return ExitCodes.Ok; } // stopped while starting
        await using var _q = queue;
        var runId = "worker-" + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var sink = new StoreBatchSink(store, runId, sqliteFile) { Threads = threads, RefuseEachBatch = false };
        var worker = new QueueWorker(queue, sink, new WorkerOptions
        {
            Batch = options.Batch, MaxInFlight = options.MaxInFlight, AckWait = options.AckWait, UntilEmpty = options.UntilEmpty,
            // events numbered when the queue is empty; while it is busy, brought up to date without renumbering
            OnIdle = async c => await sink.RefuseIfPendingAsync(renumber: true, c),
            OnBusy = async c => await sink.RefuseIfPendingAsync(renumber: false, c),
        });
        output.Out.WriteLine($"worker: taking documents from {url} (queue {name}) into {store.Name}; Ctrl+C stops after the current batch");
        var throttle = new IngestCommand.ProgressThrottle(TimeProvider.System, TimeSpan.FromSeconds(10));
        var progress = new Progress<WorkerProgress>(p =>
        {
            if (throttle.Due()) output.Out.WriteLine(Line(p));
        });
        var done = await worker.RunAsync(progress, stop.Token);
        output.Out.WriteLine(Line(done));
        var counts = store.Counts();
        output.Out.WriteLine($"database: {store.Name} ({counts.Documents} documents, {counts.Events} events)");
        return ExitCodes.Ok;
    }

    private static string Line(WorkerProgress p) =>
        $"worker: {p.Batches} batches: {p.Stored} stored, {p.Known} already known, {p.DeadLettered} dead-lettered, {p.Redelivered} delivered again";
}
