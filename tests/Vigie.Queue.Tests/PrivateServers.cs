using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Vigie.Tests;

/// <summary>Starting and stopping the servers of the restart tests: their own processes, data folders and ports, never the shared ones.</summary>
internal static class ServerProcess
{
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Runs a command to its end (as the 'postgres' account when <paramref name="asPostgres"/> and this runs as root); a non-zero exit throws with its output.</summary>
    public static string Run(string file, IEnumerable<string> args, bool asPostgres = false)
    {
        var root = Environment.UserName == "root";
        var psi = new ProcessStartInfo(asPostgres && root ? "runuser" : file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/",
        };
        if (asPostgres && root) { psi.ArgumentList.Add("-u"); psi.ArgumentList.Add("postgres"); psi.ArgumentList.Add("--"); psi.ArgumentList.Add(file); }
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {output} {err.Result}");
        return output;
    }

    public static bool Answers(int port)
    {
        try
        {
            using var c = new TcpClient();
            c.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException) { return false; }
    }
}

/// <summary>A nats-server with JetStream of its own: a free port and a store folder under the temporary folder, which survive <see cref="Kill"/> and <see cref="Start"/>.</summary>
internal sealed class PrivateNats : IDisposable
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "vigie-natstest-" + Guid.NewGuid().ToString("N")[..12]);
    public int Port { get; } = ServerProcess.FreePort();
    public string Url => $"nats://127.0.0.1:{Port}";
    private Process? _process;

    public PrivateNats() => Start();

    public void Start()
    {
        Directory.CreateDirectory(Dir);
        var psi = new ProcessStartInfo("nats-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-js", "-sd", Path.Combine(Dir, "store"), "-a", "127.0.0.1", "-p", Port.ToString(), "-l", Path.Combine(Dir, "server.log") })
            psi.ArgumentList.Add(a);
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        while (!ServerProcess.Answers(Port))
        {
            if (_process.HasExited) throw new InvalidOperationException($"nats-server did not start; see {Dir}/server.log");
            Thread.Sleep(50);
        }
    }

    /// <summary>SIGKILL: no clean shutdown, what the store folder holds is what a crash leaves.</summary>
    public void Kill()
    {
        if (_process is not { HasExited: false } p) return;
        p.Kill();
        p.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        try { Directory.Delete(Dir, true); } catch (IOException) { }
    }
}

/// <summary>
/// A PostgreSQL 15 server of its own (initdb in a folder under the temporary folder, a free port, trust
/// authentication on loopback) with a database 'vigie' that has PostGIS; as root the server runs as 'postgres',
/// as scripts/services does.
/// </summary>
internal sealed class PrivatePostgres : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "vigie-pgtest-" + Guid.NewGuid().ToString("N")[..12]);
    public int Port { get; } = ServerProcess.FreePort();
    public string Url => $"postgres://postgres@127.0.0.1:{Port}/vigie";
    private string Data => Path.Combine(Dir, "data");
    private bool _initialised;

    public PrivatePostgres()
    {
        Directory.CreateDirectory(Dir);
        if (Environment.UserName == "root") ServerProcess.Run("chown", ["postgres", Dir]);
        ServerProcess.Run(Path.Combine(Bin, "initdb"), ["-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], asPostgres: true);
        _initialised = true;
        Start();
        using var c = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false");
        c.Open();
        using (var cmd = new NpgsqlCommand("CREATE DATABASE vigie", c)) cmd.ExecuteNonQuery();
        using var v = new NpgsqlConnection(ConnectionString);
        v.Open();
        using (var cmd = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", v)) cmd.ExecuteNonQuery();
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=vigie;Pooling=false";

    public void Start() => ServerProcess.Run(Path.Combine(Bin, "pg_ctl"),
        ["-D", Data, "-l", Path.Combine(Dir, "server.log"), "-w", "-t", "60", "-o", $"-p {Port} -k {Dir} -c listen_addresses=127.0.0.1 -c fsync=on", "start"], asPostgres: true);

    /// <summary>Immediate shutdown: the server drops every connection without a word and recovers from its log at the next start, as after a crash.</summary>
    public void Crash() => ServerProcess.Run(Path.Combine(Bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], asPostgres: true);

    public long Scalar(string sql)
    {
        using var c = new NpgsqlConnection(ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L);
    }

    public List<string> Column(string sql)
    {
        using var c = new NpgsqlConnection(ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        using var r = cmd.ExecuteReader();
        var values = new List<string>();
        while (r.Read()) values.Add(r.GetString(0));
        return values;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (_initialised)
            try { ServerProcess.Run(Path.Combine(Bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], asPostgres: true); }
            catch (InvalidOperationException) { } // already stopped
        try { Directory.Delete(Dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
