using Vigie.Lexicons;
using Vigie.Readers;
using Vigie.Storage;
using Vigie.Storage.Sqlite;

namespace Vigie.Tests;

/// <summary>
/// The inputs of the storage suite — the project's samples/ and the gold texts of ../shared — and the reference:
/// what one writer stores from them in SQLite, as a canonical dump (computed once per test run).
/// </summary>
public static class Corpus
{
    public static string Samples => Path.Combine(DataPaths.Root, "samples");
    public static string Gold => Path.Combine(SharedPaths.Root, "gold");
    public static string[] Paths => [Samples, Gold];

    public static Task<IngestSummary> Ingest(IStore store, int threads = 2, int batchSize = 16, params string[] paths) =>
        new Ingestor(store) { Threads = threads, BatchSize = batchSize }.RunAsync(paths.Length == 0 ? Paths : paths, new ReaderOptions());

    private static readonly Lazy<IReadOnlyList<string>> _reference = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("vigie-reference-").FullName;
        try
        {
            using var store = SqliteStore.Open(Path.Combine(dir, "reference.db"));
            Ingest(store).GetAwaiter().GetResult();
            return StoreDump.Lines(store);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The dump of the corpus ingested by one writer into SQLite.</summary>
    public static IReadOnlyList<string> ReferenceDump => _reference.Value;

    /// <summary>Asserts two dumps are equal, naming the first line that differs (a whole dump is too long to read).</summary>
    public static void AssertSameDump(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            if (expected[i] != actual[i])
                Assert.Fail($"dumps differ at line {i + 1}:\n expected: {Shorten(expected[i])}\n actual:   {Shorten(actual[i])}");
        Assert.Equal(expected.Count, actual.Count);
    }

    private static string Shorten(string s) => s.Length <= 400 ? s : s[..400] + "…";
}
