using Vigie.Cli;

namespace Vigie.Tests;

public class TextTableTests
{
    private static TextTable Sample() =>
        new TextTable(new TextColumn("id", NoWrap: true), new TextColumn("place", 1), new TextColumn("actor 1", 3), new TextColumn("actor 2", 5))
            .Add("ev-0123456789ab", "Kpinkankandi", "Unidentified armed group", "Military Forces of Togo (2020-)")
            .Add("ev-ba9876543210", "Gao", "JNIM", null);

    [Fact]
    public void Fit_NarrowWidth_DropsTheLeastImportantColumnsFirstAndKeepsTheId()
    {
        var t = Sample();
        var all = t.Fit(int.MaxValue);
        Assert.Equal([0, 1, 2, 3], all);
        var narrow = t.Fit(50);
        Assert.Contains(0, narrow);
        Assert.DoesNotContain(3, narrow);
        Assert.True(narrow.Count < 4);
        Assert.Equal([0], t.Fit(10));
    }

    [Fact]
    public void WriteTsv_HeaderAndOneLinePerRow_CellsWithoutTabsOrBreaks()
    {
        var t = new TextTable(new TextColumn("id"), new TextColumn("title")).Add("d1", "two\tparts\nof a title");
        var w = new StringWriter();
        t.WriteTsv(w);
        var lines = w.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(["id\ttitle", "d1\ttwo parts of a title"], lines);
    }

    [Fact]
    public void Events_Piped_PrintsTabSeparatedRowsWithWholeIds()
    {
        var dir = Directory.CreateTempSubdirectory("vigie-table-");
        try
        {
            var db = Path.Combine(dir.FullName, "t.db");
            var seed = Path.Combine(SharedDir(), "seed", "afp-fr-2018-04-damas.txt");
            Assert.Equal(0, CliRun.Of("ingest", seed, "--db", db).ExitCode);
            var run = CliRun.Of("events", "--db", db);
            Assert.Equal(0, run.ExitCode);
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("id\tdate\ttype\tplace", lines[0]);
            var rows = lines.Skip(1).Where(l => l.StartsWith("ev-")).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(9, r.Split('\t').Length));
            Assert.All(rows, r => Assert.Equal(0, CliRun.Of("show", r.Split('\t')[0], "--db", db).ExitCode));
        }
        finally { dir.Delete(recursive: true); }
    }

    private static string SharedDir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "shared", "seed"))) return Path.Combine(d.FullName, "shared");
        throw new DirectoryNotFoundException("../shared not found");
    }
}
