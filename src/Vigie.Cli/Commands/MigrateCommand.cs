using System.CommandLine;
using System.Globalization;
using Vigie.Storage;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie migrate --from vigie.db --to postgres://…</c>: copies a store into an empty one and checks the copy.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The store to copy: an SQLite file or a PostgreSQL address", HelpName = "DB", Required = true };
        var to = new Option<string>("--to") { Description = "The store to fill (created or empty): a postgres:// address, Host=…, or an SQLite file", HelpName = "DB", Required = true };
        var command = new Command("migrate",
            "Copy every document, extraction, republication and log line of one store into an empty one, fuse the events there, and check that both hold the same data")
        {
            from, to,
        };
        CliHelp.SetExamples(command,
            "vigie migrate --from vigie.db --to postgres://vigie:secret@127.0.0.1:5432/vigie",
            "vigie migrate --from vigie.db --to \"Host=db.example;Database=vigie;Username=vigie\"");
        command.SetAction(parse => Run(new Options(parse.GetValue(from), parse.GetValue(to)), CommandOutput.Of(parse)));
        return command;
    }

    /// <summary>What <c>vigie migrate</c> was asked: the store to copy and the store to fill (a file path or a server address each).</summary>
    public sealed record Options(string? From, string? To);

    public static int Run(Options options, CommandOutput output)
    {
        var source = Location(options.From, "--from");
        var target = Location(options.To, "--to");
        if (source == target) throw new UsageException("--from and --to name the same store");
        using var reader = StoreAccess.Open(source, mustExist: true);
        using var writer = StoreAccess.Open(target);
        var err = output.Err;
        var interactive = output.Interactive;
        var progress = new Progress<long>(n => { if (interactive) err.Write($"\rmigrate: {n} documents copied"); });
        StoreCopy.Result result;
        try { result = StoreCopy.Copy(reader, writer, progress); }
        catch (StoreException e) { throw new UserException(e.Message); }
        if (interactive) err.WriteLine();
        var inv = CultureInfo.InvariantCulture;
        output.Out.WriteLine($"copied: {result.Documents.ToString(inv)} documents, {result.Republications.ToString(inv)} republications, {result.LogEntries.ToString(inv)} log lines");
        output.Out.WriteLine($"fused: {result.Events.ToString(inv)} events in {writer.Name}");
        output.Out.WriteLine($"checked: both stores hold the same data (dump {result.Checksum[..16]})");
        return ExitCodes.Ok;
    }

    private static string Location(string? value, string option)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new UsageException($"{option} needs a file path or a postgres:// address");
        return StoreAccess.IsServer(value) ? value.Trim() : Path.GetFullPath(value);
    }
}
