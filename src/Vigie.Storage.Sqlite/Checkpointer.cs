using Microsoft.Data.Sqlite;

namespace Vigie.Storage.Sqlite;

/// <summary>
/// Keeps most of the WAL checkpoint work off the writer's path: after each commit the writer nudges this background
/// thread, which copies the WAL back into the database with a passive checkpoint on a connection of its own once
/// the WAL has grown past <see cref="Threshold"/> bytes. A passive checkpoint never waits for the writer nor makes
/// it wait, but while the writer keeps appending it never ends with the whole WAL copied, and only then can the WAL
/// start over: so the writer keeps SQLite's automatic checkpoint, at <see cref="WriterPages"/> pages (twice the
/// threshold), where it finds most frames already copied and only finishes the rest. The WAL stays within a few
/// tens of MB whatever the size of the ingest. Closing the last connection checkpoints what is left.
/// </summary>
internal sealed class Checkpointer : IDisposable
{
    public const long Threshold = 16L << 20;

    /// <summary>The writer's wal_autocheckpoint, in pages of 4 KB: 32 MB.</summary>
    public const int WriterPages = 8192;

    private readonly string _path;
    private readonly SemaphoreSlim _nudge = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public Checkpointer(string path)
    {
        _path = path;
        _thread = new Thread(Loop) { IsBackground = true, Name = "vigie-checkpoint" };
        _thread.Start();
    }

    /// <summary>Called after a commit: the thread looks at the WAL's size (at most one nudge waits).</summary>
    public void Nudge()
    {
        try { _nudge.Release(); }
        catch (SemaphoreFullException) { }
    }

    private void Loop()
    {
        SqliteConnection? c = null;
        try
        {
            while (true)
            {
                _nudge.Wait(_stop.Token);
                var wal = new FileInfo(_path + "-wal");
                if (!wal.Exists || wal.Length < Threshold) continue;
                if (c == null)
                {
                    c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
                    c.Open();
                    SqliteStore.Exec(c, "PRAGMA busy_timeout=5000;");
                }
                try { SqliteStore.Exec(c, "PRAGMA wal_checkpoint(PASSIVE);"); }
                catch (SqliteException) { } // busy or locked: the next nudge tries again
            }
        }
        catch (OperationCanceledException) { }
        finally { c?.Dispose(); }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
        _nudge.Dispose();
    }
}
