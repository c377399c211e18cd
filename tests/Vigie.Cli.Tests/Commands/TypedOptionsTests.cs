using System.CommandLine;
using System.Reflection;
using Vigie.Cli;
using Vigie.Cli.Commands;
using Vigie.Readers;

namespace Vigie.Tests.Commands;

/// <summary>Every command reads its command line once into typed options; what it does runs on those, callable without a parse.</summary>
public class TypedOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigie-typed-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static (CommandOutput Output, StringWriter Out, StringWriter Err) Output()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        return (new CommandOutput(o, e), o, e);
    }

    [Fact]
    public void NoMethodOfACommandTakesTheParseResult()
    {
        var commands = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace == "Vigie.Cli.Commands" && t.Name.EndsWith("Command", StringComparison.Ordinal));
        Assert.NotEmpty(commands);
        var offenders = commands
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(ParseResult)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.True(offenders.Count == 0, "take the ParseResult: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Extract_RunOnOptions_WritesOneRecordPerDocument()
    {
        var file = Path.Combine(_dir, "a.jsonl");
        File.WriteAllLines(file,
        [
            """{"id":"t1","date":"2019-05-20","lang":"fr","text":"Au moins onze civils ont été tués lundi dans un raid aérien sur Maaret al-Noomane, selon l'OSDH."}""",
            """{"id":"t2","date":"2019-05-20","lang":"en","text":"At least six people were killed on Monday in an air strike on Maarat al-Numan, state media said."}""",
        ]);
        var (output, o, _) = Output();
        var code = ExtractCommand.Run(new ExtractCommand.Options([file], "jsonl", new ReaderOptions(), Threads: 1), output);
        Assert.Equal(ExitCodes.Ok, code);
        var lines = o.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"id\":\"t1\"", lines[0]);
        Assert.Contains("\"id\":\"t2\"", lines[1]);
    }

    [Fact]
    public async Task Ingest_RunOnOptions_StoresAndSaysSo_AndMigrateRefusesTheSameStoreTwice()
    {
        var file = Path.Combine(_dir, "a.jsonl");
        File.WriteAllLines(file, ["""{"id":"t1","date":"2019-05-20","lang":"fr","text":"Au moins onze civils ont été tués lundi dans un raid aérien sur Maaret al-Noomane, selon l'OSDH."}"""]);
        var db = Path.Combine(_dir, "typed.db");
        var (output, o, _) = Output();
        Assert.Equal(ExitCodes.Ok, await IngestCommand.RunAsync(new IngestCommand.Options(db, [file], new ReaderOptions(), Threads: 1), output, CancellationToken.None));
        Assert.Contains("documents: 1 new", o.ToString());
        Assert.True(File.Exists(db));

        var e = Assert.Throws<UsageException>(() => MigrateCommand.Run(new MigrateCommand.Options(db, db), Output().Output));
        Assert.Contains("same store", e.Message);
    }
}
