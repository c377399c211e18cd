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
        command.SetAction((parse, cancel) => RunAsync(parse, parse.GetValue(urls) ?? ServeOptions.DefaultUrl, parse.GetValue(allowRemote), cancel));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string urls, bool allowRemote, CancellationToken cancel)
    {
        var db = GlobalOptions.Db(parse);
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
        parse.Out().WriteLine($"Vigie: serving {StoreAccess.Describe(db)} at {string.Join(", ", urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))} (Ctrl+C to stop)");
        await app.WaitForShutdownAsync(cancel);
        return ExitCodes.Ok;
    }
}
