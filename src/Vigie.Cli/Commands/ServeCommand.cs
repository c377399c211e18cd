using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Vigie.Web.Hosting;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie serve</c>: the map, the timeline and the HTTP API over a database, read-only, on loopback by default.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';' (loopback only unless --allow-remote)",
            HelpName = "URL",
            DefaultValueFactory = _ => ServeOptions.DefaultUrl,
        };
        var allowRemote = new Option<bool>("--allow-remote")
        {
            Description = "Allow listening on a non-loopback address (the API has no authentication: only on a trusted network)",
        };
        var command = new Command("serve", "Serve the map, the timeline and the HTTP API (/api/events, /openapi/v1.json) over the database, read-only")
        {
            urls, allowRemote,
        };
        CliHelp.SetExamples(command,
            "vigie demo && vigie serve",
            "vigie serve --db conflicts.db --urls http://127.0.0.1:9000");
        command.SetAction((parse, cancel) => RunAsync(
            new Options(GlobalOptions.Db(parse), parse.GetValue(urls) ?? ServeOptions.DefaultUrl, parse.GetValue(allowRemote)), CommandOutput.Of(parse), cancel));
        return command;
    }

    /// <summary>What <c>vigie serve</c> was asked: the database, the addresses to listen on, and whether a non-loopback one is allowed.</summary>
    public sealed record Options(string Db, string Urls, bool AllowRemote);

    public static async Task<int> RunAsync(Options options, CommandOutput output, CancellationToken cancel)
    {
        var (db, urls, allowRemote) = (options.Db, options.Urls, options.AllowRemote);
        try { Addresses.Check(urls, allowRemote); }
        catch (ServeOptionsException e) { throw new UsageException(e.Message); }
        // a missing database is refused by the store's one check (VIG-S001); the schema is brought up to date once
        // (the server itself only reads)
        using (StoreAccess.Open(db, mustExist: true)) { }

        await using var app = VigieWebHost.Build(new ServeOptions
        {
            DatabasePath = db, Urls = urls, AllowRemote = allowRemote,
            OpenReader = () => StoreAccess.OpenReader(db),
        });
        await app.StartAsync(cancel);
        output.Out.WriteLine($"Vigie: serving {StoreAccess.Describe(db)} at {string.Join(", ", urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))} (Ctrl+C to stop)");
        await app.WaitForShutdownAsync(cancel);
        return ExitCodes.Ok;
    }
}
