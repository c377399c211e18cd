using Npgsql;

namespace Vigie.Tests;

/// <summary>
/// A database of its own on the PostgreSQL server named by VIGIE_PG (CREATE DATABASE vigie_t_…, dropped on
/// Dispose), so that parallel runs never meet. No server, no test: a missing VIGIE_PG or a server that does
/// not answer fails the test that asked, it is never skipped.
/// </summary>
public sealed class TestPostgres : IDisposable
{
    public string Name { get; } = "vigie_t_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>The new database as a postgres:// URL, the form `--db` takes.</summary>
    public string Url { get; }

    /// <summary>The new database as an Npgsql connection string (Host=…), the other form `--db` takes.</summary>
    public string ConnectionString { get; }

    private readonly string _server;

    public TestPostgres()
    {
        var url = Environment.GetEnvironmentVariable("VIGIE_PG");
        if (string.IsNullOrWhiteSpace(url))
            throw new InvalidOperationException("VIGIE_PG is not set: start the servers with scripts/services start and export what it prints (./test does both)");
        var server = Storage.Postgres.PostgresStore.ConnectionString(url);
        server.Pooling = false;
        _server = server.ConnectionString;
        Admin($"CREATE DATABASE {Name}");
        var uri = new UriBuilder(url) { Path = "/" + Name };
        Url = uri.Uri.ToString();
        ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = Name, Pooling = true }.ConnectionString;
    }

    /// <summary>Runs a statement on the server's own database (not the test's).</summary>
    public void Admin(string sql)
    {
        using var c = new NpgsqlConnection(_server);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Runs a query on the test's database and returns the first column of the first row.</summary>
    public object? Scalar(string sql)
    {
        using var c = new NpgsqlConnection(ConnectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try { Admin($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)"); }
        catch (NpgsqlException) { }
    }
}
