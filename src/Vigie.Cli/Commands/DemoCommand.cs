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
        command.SetAction(async (parse, cancel) =>
        {
            var db = GlobalOptions.Db(parse);
            var samples = Path.Combine(DataPaths.Root, "samples");
            if (!Directory.Exists(samples)) throw new UserException($"no samples folder at {samples}");
            foreach (var f in new[] { db, db + "-wal", db + "-shm" }) if (File.Exists(f)) File.Delete(f);
            var output = parse.Out();
            output.WriteLine($"Ingesting {samples} into {StoreAccess.Describe(db)}");
            var rc = await IngestCommand.RunAsync(parse, [samples], new ReaderOptions(), Environment.ProcessorCount, cancel);
            using var store = StoreAccess.Open(parse, mustExist: true);
            var events = store.Events(EventFilter.All);
            output.WriteLine();
            EventsCommand.Table(events).Write(parse);
            output.WriteLine($"{events.Count} events");
            output.WriteLine();
            StatsCommand.Table("country", EventStats.By("country", events), EventStats.Total(events)).Write(parse);
            output.WriteLine();
            output.WriteLine("Next: vigie show <id>, vigie stats --by month, vigie export --format acled-csv");
            return rc;
        });
        return command;
    }
}
