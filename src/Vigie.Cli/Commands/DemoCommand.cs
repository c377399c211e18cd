using System.CommandLine;
using Vigie.Export;
using Vigie.Lexicons;
using Vigie.Readers;
using Vigie.Storage;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie demo</c>: a fresh database from samples/, then the events table and the stats.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Create a fresh database (deleting the --db file), ingest samples/, and print the events and stats");
        CliHelp.SetExamples(command, "vigie demo", "vigie demo --db /tmp/demo.db");
        command.SetAction((parse, cancel) => RunAsync(new Options(GlobalOptions.Db(parse)), CommandOutput.Of(parse), cancel));
        return command;
    }

    /// <summary>What <c>vigie demo</c> was asked: the database file to make afresh.</summary>
    public sealed record Options(string Db);

    public static async Task<int> RunAsync(Options options, CommandOutput output, CancellationToken cancel)
    {
        var db = options.Db;
        var samples = Path.Combine(DataPaths.Root, "samples");
        if (!Directory.Exists(samples)) throw new UserException($"no samples folder at {samples}");
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }) if (File.Exists(f)) File.Delete(f);
        output.Out.WriteLine($"Ingesting {samples} into {StoreAccess.Describe(db)}");
        var rc = await IngestCommand.RunAsync(new IngestCommand.Options(db, [samples], new ReaderOptions(), Environment.ProcessorCount), output, cancel);
        using var store = StoreAccess.Open(db, mustExist: true);
        var events = store.Events(EventFilter.All);
        output.Out.WriteLine();
        EventsCommand.Table(events).Write(output);
        output.Out.WriteLine($"{events.Count} events");
        output.Out.WriteLine();
        StatsCommand.Table("country", EventStats.By("country", events), EventStats.Total(events)).Write(output);
        output.Out.WriteLine();
        output.Out.WriteLine("Next: vigie show <id>, vigie stats --by month, vigie export --format acled-csv");
        return rc;
    }
}
