using System.Net.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Cli;
using Vigie.Lexicons;
using Vigie.Web.Hosting;

namespace Vigie.Tests;

/// <summary>
/// Every command on a PostgreSQL database (`--db postgres://…` or `Host=…`) prints what it prints on an SQLite
/// file holding the same documents; `vigie migrate` copies one into the other and checks it; `serve` answers the same.
/// </summary>
public sealed class PostgresCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigie-cli-pg-").FullName;
    private readonly TestPostgres _pg = new();
    private string File => Path.Combine(_dir, "cli.db");
    private static string Samples => Path.Combine(DataPaths.Root, "samples");

    public void Dispose()
    {
        _pg.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static string[] WithoutDatabaseLine(string output) =>
        output.Split('\n').Where(l => !l.StartsWith("database:", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void EveryCommand_OnPostgres_PrintsWhatItPrintsOnSqlite()
    {
        var sqlite = CliRun.Of("ingest", Samples, "--db", File, "--threads", "2");
        var pg = CliRun.Of("ingest", Samples, "--db", _pg.Url, "--threads", "2");
        Assert.Equal(ExitCodes.Ok, pg.ExitCode);
        Assert.Equal(WithoutDatabaseLine(sqlite.Out), WithoutDatabaseLine(pg.Out));
        Assert.Contains($"database: 127.0.0.1:", pg.Out);
        Assert.DoesNotContain("vigie:vigie", pg.Out);

        var firstEvent = CliRun.Of("events", "--db", File).Out.Split('\n')[1].Split('\t')[0];
        Assert.StartsWith("ev-", firstEvent);
        string[][] commands =
        [
            ["events"], ["events", "--country", "SY", "--from", "2018", "--json"], ["events", "--near", "33.5,36.3,40"],
            ["stats", "--by", "month"], ["stats", "--by", "source"], ["stats", "--by", "actor", "--country", "ML", "--json"], ["events", "--type", "battles", "--actor", "forces"],
            ["export", "--format", "acled-csv"], ["export", "--format", "geojson"], ["export", "--format", "jsonl"], ["export", "--format", "ucdp-csv"],
            ["show", firstEvent], ["show", "2"], ["docs"], ["docs", "--search", "Mali"],
        ];
        // (an ACLED export says when it was made: one time for both, or two runs a second apart differ)
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1796549569");
        try
        {
            foreach (var args in commands)
            {
                var onFile = CliRun.Of([.. args, "--db", File]);
                var onServer = CliRun.Of([.. args, "--db", _pg.Url]);
                Assert.True(onFile.ExitCode == ExitCodes.Ok, $"{string.Join(' ', args)} on SQLite: {onFile.Err}");
                Assert.True(onServer.ExitCode == ExitCodes.Ok, $"{string.Join(' ', args)} on PostgreSQL: {onServer.Err}");
                Assert.True(onFile.Out.Length > 40, string.Join(' ', args));
                Assert.Equal(onFile.Out, onServer.Out);
            }
        }
        finally { Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", epoch); }

        // the other form of --db: an Npgsql connection string
        Assert.Equal(CliRun.Of("events", "--db", File).Out, CliRun.Of("events", "--db", _pg.ConnectionString).Out);
        // re-ingest: nothing new on either
        Assert.Contains("0 new", CliRun.Of("ingest", Samples, "--db", _pg.Url).Out);
    }

    [Fact]
    public async Task Ingest_ThreeCommandsAtOnceIntoOneDatabase_ListWhatOneIngestIntoSqliteLists()
    {
        Assert.Equal(ExitCodes.Ok, CliRun.Of("ingest", Samples, "--db", File, "--threads", "1").ExitCode);
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => CliRun.Of("ingest", Samples, "--db", _pg.Url, "--threads", "1"))));
        Assert.All(runs, r => Assert.True(r.ExitCode == ExitCodes.Ok, r.Err));
        foreach (var args in new[] { new[] { "events" }, ["stats", "--by", "source"], ["export", "--format", "jsonl"] })
            Assert.Equal(CliRun.Of([.. args, "--db", File]).Out, CliRun.Of([.. args, "--db", _pg.Url]).Out);
    }

    [Fact]
    public async Task Serve_OnPostgres_AnswersWhatItAnswersOnSqlite()
    {
        Assert.Equal(ExitCodes.Ok, CliRun.Of("ingest", Samples, "--db", File, "--threads", "2").ExitCode);
        Assert.Equal(ExitCodes.Ok, CliRun.Of("migrate", "--from", File, "--to", _pg.Url).ExitCode);
        string[] paths = ["/api/events?page_size=50", "/api/events?country=SY&format=geojson", "/api/stats", "/api/health"];
        var onFile = await Get(new ServeOptions { DatabasePath = File, Urls = "http://127.0.0.1:0" }, paths);
        var onServer = await Get(new ServeOptions { DatabasePath = "postgres", Urls = "http://127.0.0.1:0", OpenReader = () => StoreAccess.OpenReader(_pg.Url) }, paths);
        Assert.Equal(onFile, onServer);
        Assert.Contains("\"events\"", onServer[0]);
    }

    private static async Task<List<string>> Get(ServeOptions options, string[] paths)
    {
        await using var app = VigieWebHost.Build(options);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        using var http = new HttpClient();
        var bodies = new List<string>();
        foreach (var p in paths)
        {
            using var response = await http.GetAsync(baseUrl + p);
            Assert.True(response.IsSuccessStatusCode, $"{p}: {(int)response.StatusCode}");
            bodies.Add(await response.Content.ReadAsStringAsync());
        }
        await app.StopAsync();
        return bodies;
    }

    [Fact]
    public void Migrate_SqliteIntoPostgres_CopiesChecksAndRefusesAStoreThatIsNotEmpty()
    {
        Assert.Equal(ExitCodes.Ok, CliRun.Of("ingest", Samples, "--db", File, "--threads", "2").ExitCode);
        var run = CliRun.Of("migrate", "--from", File, "--to", _pg.Url);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Err);
        Assert.Contains("checked: both stores hold the same data", run.Out);
        Assert.Equal(CliRun.Of("stats", "--by", "country", "--db", File).Out, CliRun.Of("stats", "--by", "country", "--db", _pg.Url).Out);

        var again = CliRun.Of("migrate", "--from", File, "--to", _pg.Url);
        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.StartsWith("vigie: VIG-S008", again.Err);
        Assert.Single(again.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("migrate", "--to", "postgres://x@127.0.0.1/y")]
    [InlineData("migrate", "--from", "a.db")]
    public void Migrate_MissingStore_IsAUsageError(params string[] args) => Assert.Equal(ExitCodes.Usage, CliRun.Of(args).ExitCode);

    [Fact]
    public void Migrate_NoSourceDatabase_ExitsThree()
    {
        var run = CliRun.Of("migrate", "--from", Path.Combine(_dir, "absent.db"), "--to", _pg.Url);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("VIG-S001", run.Err);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("ingest")]
    public void Db_NoServerThere_ExitsThreeWithOneLine(string command)
    {
        string[] args = command == "ingest" ? [command, Samples] : [command];
        var run = CliRun.Of([.. args, "--db", "postgres://vigie:secret@127.0.0.1:9/vigie?timeout=3"]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith("vigie: VIG-S006", run.Err);
        Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("secret", run.Err);
    }
}
