using System.Text.Json;
using Vigie.Cli;

namespace Vigie.Tests;

public class StoreCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigie-cli-").FullName;
    private string Db => Path.Combine(_dir, "cli.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Jsonl(string name, params string[] lines)
    {
        var p = Path.Combine(_dir, name);
        File.WriteAllLines(p, lines);
        return p;
    }

    private const string Good1 = """{"id":"k1","date":"2019-05-20","lang":"fr","text":"Au moins onze civils ont été tués lundi dans un raid aérien sur Maaret al-Noomane, selon l'OSDH."}""";
    private const string Good2 = """{"id":"k2","date":"2019-05-20","lang":"en","text":"At least six people were killed on Monday in an air strike on Maarat al-Numan, state media said."}""";

    [Fact]
    public void Demo_FreshDatabase_ExitsZeroAndPrintsEventsAndStats()
    {
        var run = CliRun.Of("demo", "--db", Db);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("documents:", run.Out);
        Assert.Contains("events", run.Out);
        Assert.Contains("total", run.Out);
        Assert.True(File.Exists(Db));
    }

    [Fact]
    public void Ingest_GoodAndBadInputs_ExitsOneNamingTheBadLine()
    {
        var file = Jsonl("mix.jsonl", Good1, "not json at all", Good2);
        var run = CliRun.Of("ingest", file, "--db", Db, "--threads", "1");
        Assert.Equal(ExitCodes.SomeRejected, run.ExitCode);
        Assert.Contains($"{file}:2", run.Err);
        Assert.Contains("2 new", run.Out);
        var again = CliRun.Of("ingest", Jsonl("good.jsonl", Good1, Good2), "--db", Db);
        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Contains("0 new, 2 already known", again.Out);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("stats")]
    [InlineData("docs")]
    [InlineData("export", "--format", "geojson")]
    [InlineData("show", "ev-000000000000")]
    public void ReadCommands_NoDatabase_ExitThreeWithOneLine(params string[] args)
    {
        var run = CliRun.Of([.. args, "--db", Path.Combine(_dir, "absent.db")]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("VIG-S001", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.False(File.Exists(Path.Combine(_dir, "absent.db")));
    }

    [Fact]
    public void StatsJsonAndExport_AfterIngest_AreParseable()
    {
        Assert.Equal(ExitCodes.Ok, CliRun.Of("ingest", Jsonl("good.jsonl", Good1, Good2), "--db", Db).ExitCode);
        var stats = CliRun.Of("stats", "--by", "month", "--json", "--db", Db);
        Assert.Equal(ExitCodes.Ok, stats.ExitCode);
        using (var doc = JsonDocument.Parse(stats.Out))
            Assert.Equal("month", doc.RootElement.GetProperty("by").GetString());
        var outFile = Path.Combine(_dir, "events.csv");
        var export = CliRun.Of("export", "--format", "acled-csv", "--out", outFile, "--db", Db);
        Assert.Equal(ExitCodes.Ok, export.ExitCode);
        Assert.StartsWith("event_id_cnty,event_date,year,", File.ReadAllText(outFile));
        var acledId = File.ReadAllLines(outFile)[1].Split(',')[0];
        Assert.Matches("^SYR-[0-9a-f]{12}$", acledId);
        var show = CliRun.Of("show", acledId, "--db", Db);
        Assert.Equal(ExitCodes.Ok, show.ExitCode);
        Assert.Contains("ev-" + acledId[4..], show.Out);
        Assert.Contains("reliability: 5 UN body or independent monitor;", show.Out);
        Assert.Contains("1 belligerent or its media", show.Out);
    }

    // The input gives only the month; the dateline gives the day (27 April 2018), and the event, told without a day
    // of its own, is dated by it.
    private const string MonthOnly = """{"id":"gao-0427","date":"2018-04","lang":"fr","text":"BAMAKO, 27 avril (AFP) - Des hommes armés ont tué cinq soldats maliens dans une embuscade près de Gao, selon l'armée."}""";

    [Fact]
    public void InferredPublicationDay_IsListedByDocsAndCarriedByEveryExport()
    {
        Assert.Equal(ExitCodes.Ok, CliRun.Of("ingest", Jsonl("month.jsonl", MonthOnly, Good1), "--db", Db).ExitCode);

        var docs = CliRun.Of("docs", "--db", Db);
        Assert.Equal(ExitCodes.Ok, docs.ExitCode);
        var lines = docs.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split('\t');
        var day = Array.IndexOf(header, "day");
        Assert.True(day > 0, docs.Out);
        var gao = lines.Single(l => l.StartsWith("gao-0427\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal("2018-04", gao[Array.IndexOf(header, "date")]);
        Assert.Equal("2018-04-27", gao[day]);
        Assert.Equal("", lines.Single(l => l.StartsWith("k1\t", StringComparison.Ordinal)).Split('\t')[day]);

        string Export(string format)
        {
            var run = CliRun.Of("export", "--format", format, "--country", "ML", "--db", Db);
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            return run.Out;
        }

        var events = Export("jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(events);
        foreach (var line in events)
        {
            using var e = JsonDocument.Parse(line);
            var mention = Assert.Single(e.RootElement.GetProperty("mentions").EnumerateArray());
            Assert.Equal("2018-04", mention.GetProperty("published").GetString());
            Assert.Equal("2018-04-27", mention.GetProperty("date_resolved").GetString());
        }
        var syria = CliRun.Of("export", "--format", "jsonl", "--country", "SY", "--db", Db).Out;
        Assert.Contains("\"published\":\"2019-05-20\"", syria);
        Assert.DoesNotContain("date_resolved", syria);

        using (var geo = JsonDocument.Parse(Export("geojson")))
        {
            var features = geo.RootElement.GetProperty("features").EnumerateArray().ToList();
            Assert.NotEmpty(features);
            Assert.All(features, f => Assert.Equal("2018-04-27", f.GetProperty("properties").GetProperty("published").GetString()));
        }

        static List<Dictionary<string, string>> Rows(string csvText)
        {
            using var csv = new CsvHelper.CsvReader(new StringReader(csvText), System.Globalization.CultureInfo.InvariantCulture);
            csv.Read();
            csv.ReadHeader();
            var rows = new List<Dictionary<string, string>>();
            while (csv.Read()) rows.Add(csv.HeaderRecord!.ToDictionary(c => c, c => csv.GetField(c) ?? ""));
            return rows;
        }
        var acled = Rows(Export("acled-csv"));
        Assert.NotEmpty(acled);
        Assert.All(acled, row => Assert.Equal("2018-04-27", row["event_date"]));
        var ucdp = Rows(Export("ucdp-csv"));
        Assert.NotEmpty(ucdp);
        Assert.All(ucdp, row => Assert.Equal("2018-04-27", row["date_start"]));
    }

    [Fact]
    public void Show_UnknownEvent_ExitsOneNotFound()
    {
        Assert.Equal(ExitCodes.Ok, CliRun.Of("ingest", Jsonl("good.jsonl", Good1), "--db", Db).ExitCode);
        var run = CliRun.Of("show", "ev-nope", "--db", Db);
        Assert.Equal(ExitCodes.SomeRejected, run.ExitCode);
        Assert.Contains("not found", run.Err);
        Assert.Contains("ev-nope", run.Err);
    }

    [Fact]
    public void Events_CountryByName_SameAsByCode()
    {
        Assert.Equal(ExitCodes.Ok, CliRun.Of("ingest", Jsonl("good.jsonl", Good1, Good2), "--db", Db).ExitCode);
        var byCode = CliRun.Of("events", "--country", "SY", "--db", Db);
        var byName = CliRun.Of("events", "--country", "Syria", "--db", Db);
        var french = CliRun.Of("events", "--country", "syrie", "--db", Db);
        Assert.Equal(ExitCodes.Ok, byName.ExitCode);
        Assert.Equal(byCode.Out, byName.Out);
        Assert.Equal(byCode.Out, french.Out);
        Assert.Contains("ev-", byName.Out);
    }

    [Fact]
    public void Events_ToAMonth_IncludesItsLastDays()
    {
        const string august = """{"id":"k3","date":"2019-08-21","lang":"fr","text":"Au moins onze civils ont été tués mercredi dans un raid aérien sur Maaret al-Noomane, selon l'OSDH."}""";
        Assert.Equal(ExitCodes.Ok, CliRun.Of("ingest", Jsonl("august.jsonl", august), "--db", Db).ExitCode);
        var month = CliRun.Of("events", "--to", "2019-08", "--db", Db);
        Assert.Equal(ExitCodes.Ok, month.ExitCode);
        Assert.Contains("2019-08-21", month.Out);
        Assert.Contains("2019-08-21", CliRun.Of("events", "--from", "2019-08", "--to", "2019-08", "--db", Db).Out);
        Assert.Contains("2019-08-21", CliRun.Of("events", "--to", "2019", "--db", Db).Out);
        Assert.DoesNotContain("2019-08-21", CliRun.Of("events", "--to", "2019-08-20", "--db", Db).Out);
        Assert.DoesNotContain("2019-08-21", CliRun.Of("events", "--to", "2019-07", "--db", Db).Out);
    }

    [Fact]
    public void Events_UnknownCountry_ExitTwoWithOneLine()
    {
        var run = CliRun.Of("events", "--country", "Atlantis", "--db", Db);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("unknown country 'Atlantis'", run.Err);
    }

    [Fact]
    public void MistypedCommand_OneLineWithTheNearestCommand()
    {
        var run = CliRun.Of("evnts");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.DoesNotContain("Required command", run.Err);
        Assert.StartsWith("vigie: unknown command 'evnts' (did you mean 'events'?)", run.Err);
    }

    [Fact]
    public void Ingest_EmptyFolder_WarnsAndExitsOne()
    {
        var empty = Path.Combine(_dir, "inbox");
        Directory.CreateDirectory(empty);
        var run = CliRun.Of("ingest", empty, "--db", Db);
        Assert.Equal(ExitCodes.SomeRejected, run.ExitCode);
        Assert.Contains($"no input files found in {empty}", run.Err);
    }

    [Fact]
    public void Ingest_Republication_SaidPerFile()
    {
        Assert.Equal(ExitCodes.Ok, CliRun.Of("ingest", Jsonl("a.jsonl", Good1), "--db", Db).ExitCode);
        var copy = Jsonl("b.jsonl", Good1.Replace("\"id\":\"k1\"", "\"id\":\"k1-rfi\"", StringComparison.Ordinal));
        var run = CliRun.Of("ingest", copy, "--db", Db);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("0 new, 1 republished", run.Out);
        Assert.Contains($"{copy}: 1 republication of stored documents", run.Out);
    }

    [Theory]
    [InlineData("events", "--near", "91,0,5")]
    [InlineData("events", "--from", "2019-02-30")]
    [InlineData("events", "--type", "picnic")]
    [InlineData("stats", "--by", "weather")]
    [InlineData("export", "--format", "xlsx")]
    [InlineData("ingest", "--threads", "0", "x.jsonl")]
    public void Commands_BadOptionValue_ExitTwo(params string[] args)
    {
        var run = CliRun.Of([.. args, "--db", Db]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.False(File.Exists(Db));
    }

    [Theory]
    [InlineData("1796549569", 1796549569L)]
    [InlineData("0", 0L)]
    public void ExportTime_IsSourceDateEpoch_WhenItIsSet(string epoch, long seconds) =>
        Assert.Equal(seconds, Vigie.Cli.Commands.ExportCommand.ExportTime(epoch).ToUnixTimeSeconds());

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("-5")]
    public void ExportTime_IsNow_WhenSourceDateEpochIsNoNumber(string epoch)
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var at = Vigie.Cli.Commands.ExportCommand.ExportTime(epoch).ToUnixTimeSeconds();
        Assert.InRange(at, before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }
}
