using Vigie.Cli;
using Vigie.Storage.Sqlite;

namespace Vigie.Tests.Commands;

/// <summary>`vigie serve` refuses what it must refuse before listening, with one line and the right exit code.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080", "--allow-remote")]
    [InlineData("http://192.168.10.20:8080", "--allow-remote")]
    [InlineData("127.0.0.1:8080", "VIG-W002")]
    public void Serve_BadOrRemoteAddress_IsAUsageError(string urls, string expected)
    {
        var db = Path.Combine(Path.GetTempPath(), $"vigie-serve-{Guid.NewGuid():N}.db");
        using (SqliteStore.Open(db)) { }
        try
        {
            var run = CliRun.Of("serve", "--db", db, "--urls", urls);
            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains(expected, run.Err);
            Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.DoesNotContain(" at ", run.Err);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(db);
        }
    }

    [Fact]
    public void Serve_MissingDatabase_SaysSoAndDoesNotCreateIt()
    {
        var db = Path.Combine(Path.GetTempPath(), $"vigie-serve-missing-{Guid.NewGuid():N}.db");
        var run = CliRun.Of("serve", "--db", db);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("VIG-S001", run.Err);
        Assert.False(File.Exists(db));
    }
}
