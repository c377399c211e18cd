using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Vigie.Tests.Watch;

namespace Vigie.Tests.Commands;

/// <summary><c>vigie watch</c> end to end against a local feed server, into a real database.</summary>
public class WatchCommandTests
{
    private const string Date = "Tue, 14 May 2019 08:00:00 GMT";

    private static string Dispatch(int n) =>
        $"Au moins {n + 3} civils ont été tués mardi dans des frappes aériennes sur Idleb, selon l'Observatoire syrien des droits de l'homme (dépêche {n}). "
        + string.Concat(Enumerable.Repeat("Les combats se poursuivaient dans le sud de la province, a indiqué une source militaire. ", 20));

    private static long Count(string db, string table)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM {table}";
        return (long)cmd.ExecuteScalar()!;
    }

    private sealed class Scene : IDisposable
    {
        public readonly FeedServer Server = new();
        public readonly string Dir = Directory.CreateTempSubdirectory("vigie-watch-").FullName;
        public string Db => Path.Combine(Dir, "w.db");
        public string Feeds(params string[] lines)
        {
            var p = Path.Combine(Dir, "feeds.txt");
            File.WriteAllLines(p, lines);
            return p;
        }
        public CliRun Watch(params string[] more) => CliRun.Of(["watch", "--db", Db, "--host-delay", "10ms", "--timeout", "3s", .. more]);
        public void Dispose()
        {
            Server.Dispose();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(Dir, true); } catch (IOException) { }
        }
    }

    [Fact]
    public void WatchOnce_RunTwice_StoresNewItemsThenNothing()
    {
        using var s = new Scene();
        var items = new List<(string, string, string, string)>
        {
            (s.Server.Root + "/a/1", "Frappes sur Idleb", Dispatch(1), Date),
            (s.Server.Root + "/a/2", "Combats", Dispatch(2), Date),
        };
        s.Server.Serve("/feed.xml", _ => Answer.Text(FeedServer.Rss("Fil Syrie", items.ToArray())));
        var feeds = s.Feeds("# desk", s.Server.Root + "/feed.xml  # Syria");

        var first = s.Watch("--feeds", feeds, "--once");
        Assert.True(first.ExitCode == 0, first.Err);
        Assert.Contains("2 new documents: 2 stored", first.Out);
        Assert.Equal(2, Count(s.Db, "documents"));
        Assert.True(Count(s.Db, "events") > 0);

        var second = s.Watch("--feeds", feeds, "--once");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 new documents: 0 stored", second.Out);
        Assert.Equal(2, Count(s.Db, "documents"));

        items.Add((s.Server.Root + "/a/3", "Nouvelle attaque", Dispatch(3), Date));
        var third = s.Watch("--feeds", feeds, "--once");
        Assert.Contains("1 new documents: 1 stored", third.Out);
        Assert.Equal(3, Count(s.Db, "documents"));

        var status = CliRun.Of("watch", "--status", "--db", s.Db);
        Assert.Equal(0, status.ExitCode);
        var row = status.Out.Split('\n').Single(l => l.StartsWith(s.Server.Root + "/feed.xml", StringComparison.Ordinal));
        var cells = row.Split('\t');
        Assert.Equal("ok", cells[1]);
        Assert.Equal("3", cells[3]);
    }

    [Fact]
    public void WatchOnce_BrokenFeedAndBadLine_ExitOneAndStatusShowsTheBackoff()
    {
        using var s = new Scene();
        s.Server.Serve("/good.xml", Answer.Text(FeedServer.Rss("Bon", (s.Server.Root + "/g/1", "Frappes", Dispatch(5), Date))));
        s.Server.Serve("/bad.xml", new Answer(500, "boom"u8.ToArray(), "text/plain"));
        var feeds = s.Feeds(s.Server.Root + "/good.xml", "www.example.org/rss", s.Server.Root + "/bad.xml");

        var run = s.Watch("--feeds", feeds, "--once");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("feeds.txt:2: error: VIG-R021", run.Err);
        Assert.Contains(s.Server.Root + "/bad.xml: error: VIG-R011 cannot read the feed: HTTP 500", run.Err);
        Assert.Contains("1 new documents: 1 stored", run.Out);
        Assert.DoesNotContain("   at ", run.Err);

        var status = CliRun.Of("watch", "--status", "--db", s.Db);
        var bad = status.Out.Split('\n').Single(l => l.StartsWith(s.Server.Root + "/bad.xml", StringComparison.Ordinal));
        Assert.Contains("1 error(s) in a row, next try", bad);
        Assert.Contains("HTTP 500", bad);
    }

    [Fact]
    public void WatchOnce_IntoPostgres_StoresThenNothingAndStatusReadsTheState()
    {
        using var s = new Scene();
        using var pg = new TestPostgres();
        s.Server.Serve("/feed.xml", Answer.Text(FeedServer.Rss("Fil", (s.Server.Root + "/p/1", "Frappes", Dispatch(8), Date), (s.Server.Root + "/p/2", "Combats", Dispatch(9), Date))));
        var feeds = s.Feeds(s.Server.Root + "/feed.xml");
        string[] watch = ["watch", "--db", pg.Url, "--feeds", feeds, "--once", "--host-delay", "10ms"];
        var first = CliRun.Of(watch);
        Assert.True(first.ExitCode == 0, first.Err);
        Assert.Contains("2 new documents: 2 stored", first.Out);
        Assert.Contains("0 new documents", CliRun.Of(watch).Out);
        Assert.Equal(2L, (long)pg.Scalar("SELECT count(*) FROM documents")!);
        Assert.True((long)pg.Scalar("SELECT count(*) FROM events")! > 0);
        var status = CliRun.Of("watch", "--status", "--db", pg.Url);
        Assert.Contains(s.Server.Root + "/feed.xml\tok\t", status.Out);
    }

    [Theory]
    [InlineData("watch")]
    [InlineData("watch", "--dir", ".", "--every", "5x")]
    [InlineData("watch", "--dir", ".", "--to", "http://127.0.0.1:4222")]
    public void Watch_BadCommandLine_ExitTwo(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("Run ", StringComparison.Ordinal));
    }

    [Fact]
    public void WatchStatus_NoDatabase_ExitThree()
    {
        var run = CliRun.Of("watch", "--status", "--db", Path.Combine(Path.GetTempPath(), "vigie-none-" + Guid.NewGuid().ToString("N"), "x.db"));
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("VIG-S001", run.Err);
    }

    [Fact]
    public async Task Watch_Sigterm_StopsAfterThePollWithExitZero()
    {
        using var s = new Scene();
        s.Server.Serve("/feed.xml", Answer.Text(FeedServer.Rss("Fil", (s.Server.Root + "/a/1", "Frappes", Dispatch(7), Date))));
        var feeds = s.Feeds(s.Server.Root + "/feed.xml");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "vigie.dll"), "watch", "--feeds", feeds, "--every", "1h", "--db", s.Db, "--host-delay", "10ms" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var polled = new TaskCompletionSource();
        p.OutputDataReceived += (_, e) => { if (e.Data?.Contains("poll 1:", StringComparison.Ordinal) == true) polled.TrySetResult(); };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            await polled.Task.WaitAsync(TimeSpan.FromMinutes(2));
            using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
            Assert.True(p.WaitForExit(30_000), "the watcher stopped on SIGTERM");
            Assert.Equal(0, p.ExitCode);
            Assert.Equal(1, Count(s.Db, "documents"));
        }
        finally
        {
            if (!p.HasExited) p.Kill();
        }
    }
}
