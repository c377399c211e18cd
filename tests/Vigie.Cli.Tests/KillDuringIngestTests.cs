using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Vigie.Tests;

/// <summary>
/// Crash safety: an ingest killed with SIGKILL half-way leaves a sound database, and running the
/// same ingest again ends with exactly the database of a run that was never interrupted (its indexes too: a
/// run into an empty store sets the listing indexes aside until its end).
/// </summary>
public class KillDuringIngestTests
{
    private static readonly string[] Places = ["Alep", "Idleb", "Homs", "Hama", "Deraa", "Raqqa", "Gao", "Mopti", "Djibo", "Maiduguri"];

    private static string WriteCorpus(string dir, int count)
    {
        var path = Path.Combine(dir, "corpus.jsonl");
        using var w = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            var place = Places[i % Places.Length];
            var day = 1 + i % 28;
            var text = $"Au moins {i % 90 + 3} civils ont été tués mardi dans des frappes aériennes sur {place}, selon l'OSDH. " +
                       $"Des combats ont opposé l'armée aux jihadistes près de {place}, a indiqué une source militaire (dépêche {i}).";
            w.WriteLine(JsonSerializer.Serialize(new { id = $"k-{i}", date = $"2019-03-{day:D2}", lang = "fr", text }));
        }
        return path;
    }

    private static Process StartIngest(string corpus, string db)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "vigie.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "ingest", corpus, "--db", db }) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L);
    }

    private static string Snapshot(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT count(*) FROM documents) || '|' ||
                   (SELECT count(*) FROM event_mentions) || '|' ||
                   (SELECT count(*) FROM figures) || '|' ||
                   (SELECT group_concat(content_hash) FROM (SELECT content_hash FROM documents ORDER BY 1)) || '|' ||
                   (SELECT group_concat(id) FROM (SELECT id FROM events ORDER BY 1)) || '|' ||
                   (SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY 1)) || '|' ||
                   (SELECT count(*) FROM meta WHERE key = 'indexes_aside')
            """;
        return (string)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void Ingest_KilledMidwayThenRerun_EqualsAnUninterruptedRun()
    {
        var dir = Directory.CreateTempSubdirectory("vigie-kill-").FullName;
        try
        {
            var corpus = WriteCorpus(dir, 3000);
            var whole = Path.Combine(dir, "whole.db");
            using (var p = StartIngest(corpus, whole)) { Assert.True(p.WaitForExit(300_000)); Assert.Equal(0, p.ExitCode); }

            var killed = Path.Combine(dir, "killed.db");
            long storedAtKill;
            using (var p = StartIngest(corpus, killed))
            {
                // wait until some batches are committed, then kill without warning
                var deadline = DateTime.UtcNow.AddMinutes(4);
                storedAtKill = 0;
                while (DateTime.UtcNow < deadline && !p.HasExited)
                {
                    Thread.Sleep(100);
                    if (!File.Exists(killed)) continue;
                    try
                    {
                        using var c = new SqliteConnection($"Data Source={killed};Mode=ReadOnly;Pooling=False");
                        c.Open();
                        storedAtKill = Scalar(c, "SELECT count(*) FROM documents");
                    }
                    catch (SqliteException) { continue; } // schema not there yet
                    if (storedAtKill > 0) break;
                }
                Assert.False(p.HasExited, "the ingest ended before it could be interrupted; make the corpus larger");
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
            }
            Assert.True(storedAtKill > 0);

            using (var c = new SqliteConnection($"Data Source={killed};Pooling=False"))
            {
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", (string)cmd.ExecuteScalar()!);
                Assert.True(Scalar(c, "SELECT count(*) FROM documents") < 3000, "the kill came after the whole corpus was stored");
            }

            using (var p = StartIngest(corpus, killed)) { Assert.True(p.WaitForExit(300_000)); Assert.Equal(0, p.ExitCode); }
            Assert.Equal(Snapshot(whole), Snapshot(killed));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
