using Vigie.Storage;
using Vigie.Storage.Sqlite;

namespace Vigie.Tests;

/// <summary>A database file in a fresh temporary folder, deleted with the folder.</summary>
public sealed class TempDb : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("vigie-store-").FullName;
    public string Path => System.IO.Path.Combine(Dir, "test.db");

    public SqliteStore Open() => SqliteStore.Open(Path);

    public string File(string name, params string[] lines)
    {
        var p = System.IO.Path.Combine(Dir, name);
        System.IO.File.WriteAllLines(p, lines);
        return p;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
