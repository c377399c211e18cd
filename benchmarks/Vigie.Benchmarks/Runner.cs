using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigie.Benchmarks;

/// <summary>
/// The end-to-end bench: for each corpus size and CPU count, runs the Lucene baseline,
/// <c>vigie extract</c> and <c>vigie ingest</c> (fresh database, then the same corpus again) as
/// separate processes pinned with taskset, timed and measured (peak RSS) by /usr/bin/time.
/// </summary>
public sealed class Runner
{
    public sealed record Options(int[] Sizes, int[] Cpus, int Seed, string VigieDll, string BenchDll, string Output, string[] IngestArgs);

    public sealed record Measure(string Tool, int Size, int Cpus, long Documents, double MegaBytes, double Seconds, double PeakRssMb, int ExitCode)
    {
        /// <summary>Wall time of the same tool on a one-document corpus: process start, JIT, loading lexicons and gazetteer.</summary>
        public double StartupSeconds { get; set; }
        /// <summary>User + system CPU seconds of the run, and of the one-document run.</summary>
        public double CpuSeconds { get; set; }
        public double StartupCpuSeconds { get; set; }
        public double NetCpuSeconds => Math.Max(CpuSeconds - StartupCpuSeconds, 0.001);
        /// <summary>Documents per CPU second, start-up excluded: what the work costs whatever else runs on the machine.</summary>
        public double DocsPerCpuSecond => Documents / NetCpuSeconds;
        /// <summary>Wall time less start-up: the cost of the documents themselves.</summary>
        public double NetSeconds => Math.Max(Seconds - StartupSeconds, 0.001);
        public double DocsPerSecond => Documents / NetSeconds;
        public double MbPerSecond => MegaBytes / NetSeconds;
        /// <summary>Net CPU time over the baseline's net CPU time on the same corpus and CPUs.</summary>
        public double? TimeVsBaseline { get; set; }
    }

    private readonly Options _o;
    private readonly List<Measure> _measures = [];

    public Runner(Options o) => _o = o;

    private string _loadAtStart = "", _loadAtEnd = "";

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public int Run()
    {
        _loadAtStart = LoadAverage();
        Console.Error.WriteLine($"machine: {Machine()}; load average {_loadAtStart}");
        Directory.CreateDirectory(BenchPaths.WorkDir);
        var gen = new CorpusGenerator(BenchPaths.CorpusDir);
        Console.Error.WriteLine($"corpus sources: benchmarks/corpus/*.tsv, {gen.AddRepositorySources(BenchPaths.Root)}");
        var one = Path.Combine(BenchPaths.WorkDir, "corpus-1.jsonl");
        using (var w = new StreamWriter(one, false, new UTF8Encoding(false))) gen.Write(w, 1, _o.Seed);
        foreach (var size in _o.Sizes)
        {
            var corpus = Path.Combine(BenchPaths.WorkDir, $"corpus-{size}-{_o.Seed}.jsonl");
            long docs, bytes;
            using (var w = new StreamWriter(corpus, false, new UTF8Encoding(false)))
                (docs, bytes) = gen.Write(w, size, _o.Seed);
            var mb = bytes / 1e6;
            Console.Error.WriteLine($"corpus {size}: {mb:0.0} MB of text in {corpus}");
            foreach (var cpus in _o.Cpus)
            {
                var baseline = Time("lucene FrenchAnalyzer", size, cpus, docs, mb, ["dotnet", _o.BenchDll, "baseline", corpus], null,
                    ["dotnet", _o.BenchDll, "baseline", one]);
                var threads = cpus.ToString(CultureInfo.InvariantCulture);
                var extract = Time("vigie extract", size, cpus, docs, mb, ["dotnet", _o.VigieDll, "extract", corpus, "--threads", threads], "/dev/null",
                    ["dotnet", _o.VigieDll, "extract", one, "--threads", threads]);
                if (baseline.ExitCode == 0 && extract.ExitCode == 0) extract.TimeVsBaseline = extract.NetCpuSeconds / baseline.NetCpuSeconds;
                if (_o.IngestArgs.Length > 0)
                {
                    var db = Path.Combine(BenchPaths.WorkDir, $"bench-{size}-{cpus}.db");
                    foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
                    var oneDb = Path.Combine(BenchPaths.WorkDir, "startup.db");
                    string[] Args(string database, string input) =>
                        ["dotnet", _o.VigieDll, .. _o.IngestArgs.Select(a => a.Replace("{db}", database, StringComparison.Ordinal).Replace("{corpus}", input, StringComparison.Ordinal).Replace("{cpus}", cpus.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))];
                    foreach (var f in new[] { oneDb, oneDb + "-wal", oneDb + "-shm" }) File.Delete(f);
                    var first = Time("vigie ingest (new)", size, cpus, docs, mb, Args(db, corpus), "/dev/null", Args(oneDb, one));
                    // the start-up of a re-ingest: the one-document database already holds its document
                    if (first.ExitCode == 0) Time("vigie ingest (again)", size, cpus, docs, mb, Args(db, corpus), "/dev/null", Args(oneDb, one));
                }
            }
        }
        _loadAtEnd = LoadAverage();
        Console.WriteLine($"load average {_loadAtStart} at start, {_loadAtEnd} at the end");
        Console.WriteLine(Table());
        var json = JsonSerializer.Serialize(new
        {
            date = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            machine = Machine(),
            load_average_at_start = _loadAtStart,
            load_average_at_end = _loadAtEnd,
            seed = _o.Seed,
            measures = _measures.Select(m => new
            {
                tool = m.Tool, size = m.Size, cpus = m.Cpus, documents = m.Documents, megabytes = Math.Round(m.MegaBytes, 2),
                seconds = Math.Round(m.Seconds, 3), startup_seconds = Math.Round(m.StartupSeconds, 3), cpu_seconds = Math.Round(m.CpuSeconds, 3), startup_cpu_seconds = Math.Round(m.StartupCpuSeconds, 3),
                docs_per_cpu_second = Math.Round(m.DocsPerCpuSecond, 1), docs_per_second = Math.Round(m.DocsPerSecond, 1), mb_per_second = Math.Round(m.MbPerSecond, 2),
                peak_rss_mb = Math.Round(m.PeakRssMb, 1), cpu_vs_baseline = m.TimeVsBaseline is { } r ? Math.Round(r, 2) : (double?)null, exit_code = m.ExitCode,
            }),
        }, new JsonSerializerOptions { WriteIndented = true });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_o.Output))!);
        File.WriteAllText(_o.Output, json + "\n");
        Console.Error.WriteLine($"result written to {_o.Output}");
        return _measures.Any(m => m.ExitCode != 0) ? 1 : 0;
    }

    private Measure Time(string tool, int size, int cpus, long docs, double mb, string[] command, string? stdoutTo, string[] startupCommand)
    {
        // the one-document run twice: the first may build caches (the compiled gazetteer) and warms the disk cache
        var startup = Exec(startupCommand, cpus, stdoutTo);
        if (startup.ExitCode == 0) startup = Exec(startupCommand, cpus, stdoutTo);
        var m = Exec(command, cpus, stdoutTo);
        var measure = new Measure(tool, size, cpus, docs, mb, m.Seconds, m.RssMb, m.ExitCode == 0 ? startup.ExitCode : m.ExitCode) { StartupSeconds = startup.Seconds, CpuSeconds = m.Cpu, StartupCpuSeconds = startup.Cpu };
        _measures.Add(measure);
        Console.Error.WriteLine($"  {tool,-24} {size,7} docs  {cpus} cpu: " + (measure.ExitCode == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{m.Seconds:0.00} s (start-up {startup.Seconds:0.00} s), CPU {m.Cpu:0.00} s (start-up {startup.Cpu:0.00} s), {m.RssMb:0} MB")
            : $"exit {measure.ExitCode}: {(m.ExitCode != 0 ? m.Error : startup.Error)}"));
        return measure;
    }

    private (double Seconds, double RssMb, double Cpu, int ExitCode, string Error) Exec(string[] command, int cpus, string? stdoutTo)
    {
        var timeFile = Path.Combine(BenchPaths.WorkDir, "time.txt");
        var cpuList = string.Join(',', Enumerable.Range(0, cpus));
        var psi = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = BenchPaths.Root };
        foreach (var a in (string[])["-c", cpuList, "/usr/bin/time", "-f", "%e %M %U %S", "-o", timeFile, .. command]) psi.ArgumentList.Add(a);
        psi.Environment["VIGIE_HOME"] = BenchPaths.Root;
        psi.Environment["DOTNET_gcServer"] = "0";
        using var p = Process.Start(psi)!;
        var errTask = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.BaseStream;
        var buffer = new byte[1 << 16];
        Stream? sink = stdoutTo == null ? null : Stream.Null;
        var captured = new MemoryStream();
        int read;
        while ((read = stdout.Read(buffer, 0, buffer.Length)) > 0) (sink ?? captured).Write(buffer, 0, read);
        p.WaitForExit();
        var err = errTask.Result;
        double seconds = 0, rssMb = 0, cpu = 0;
        if (File.Exists(timeFile))
        {
            var last = File.ReadAllLines(timeFile).LastOrDefault(l => l.Trim().Length > 0) ?? "";
            var parts = last.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 4)
            {
                double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out seconds);
                if (double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var kb)) rssMb = kb / 1024;
                if (double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var user)
                    && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var sys)) cpu = user + sys;
            }
        }
        return (seconds, rssMb, cpu, p.ExitCode, FirstLine(err));
    }

    private static string FirstLine(string s) => s.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("Command exited", StringComparison.Ordinal)) ?? "";

    public string Table()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| tool | docs | cpus | wall s | start-up s | docs/s | MB/s | CPU s | docs per CPU s | peak RSS MB | CPU ÷ baseline |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in _measures)
        {
            var ok = m.ExitCode == 0;
            sb.Append(CultureInfo.InvariantCulture, $"| {m.Tool} | {m.Size} | {m.Cpus} | ");
            sb.AppendLine(ok
                ? string.Create(CultureInfo.InvariantCulture, $"{m.Seconds:0.00} | {m.StartupSeconds:0.00} | {m.DocsPerSecond:0} | {m.MbPerSecond:0.00} | {m.CpuSeconds:0.00} | {m.DocsPerCpuSecond:0} | {m.PeakRssMb:0} | {(m.TimeVsBaseline is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "")} |")
                : $"failed (exit {m.ExitCode}) | | | | | | | |");
        }
        return sb.ToString();
    }

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
        var memKb = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal)) : null;
        var mem = memKb == null ? "?" : $"{long.Parse(new string(memKb.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture) / 1024 / 1024} GiB";
        return $"{Environment.ProcessorCount} cores ({cpu ?? "?"}), {mem} RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
