using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Vigie.Geo;
using Vigie.Model;

namespace Vigie.Benchmarks;

/// <summary>
/// Gazetteer at full GeoNames scale, without downloading it: writes a synthetic file in the layout
/// of allCountries.txt (invented pronounceable names, random points, a fifth of the rows with an
/// alternate name), imports it like <c>vigie gazetteer import</c>, then opens the index in a fresh
/// process and measures open time, look-ups per second and resident memory.
/// <code>
/// Vigie.Benchmarks gazetteer [--rows 12000000] [--lookups 2000000] [--dir benchmarks/.work/gazetteer]
/// </code>
/// </summary>
public static class GazetteerBench
{
    // consonant-vowel syllables: no letter group that the name key rewrites or merges (no ou, ch, doubled letters)
    private static readonly string[] Syllables =
        [.. from c in "bdfgklmnprstvz" from v in "aeiou" select $"{c}{v}"];

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>The name of row <paramref name="i"/> (deterministic, so look-ups can be replayed without storing them):
    /// 2 to 4 syllables out of 70, a sixth of them with a second word — many towns share a name, as in GeoNames.</summary>
    public static string NameOf(long i)
    {
        var h = Mix((ulong)i);
        var len = (h & 15) switch { < 2 => 2, < 8 => 3, _ => 4 };
        h >>= 4;
        Span<char> buf = stackalloc char[24];
        var n = 0;
        for (var k = 0; k < len; k++)
        {
            var syl = Syllables[(int)(h % (ulong)Syllables.Length)];
            h /= (ulong)Syllables.Length;
            buf[n++] = syl[0]; buf[n++] = syl[1];
        }
        buf[0] = char.ToUpperInvariant(buf[0]);
        if ((h & 7) == 0)
        {
            var h2 = Mix((ulong)i ^ 0x5555UL);
            buf[n++] = ' ';
            for (var k = 0; k < 2; k++) { var syl = Syllables[(int)(h2 % (ulong)Syllables.Length)]; h2 /= (ulong)Syllables.Length; buf[n++] = syl[0]; buf[n++] = syl[1]; }
        }
        return new string(buf[..n]);
    }

    public static int Run(string[] args, string? rowsArg, string? lookupsArg, string? dirArg)
    {
        var rows = long.Parse(rowsArg ?? "12000000", CultureInfo.InvariantCulture);
        var lookups = int.Parse(lookupsArg ?? "2000000", CultureInfo.InvariantCulture);
        var dir = dirArg ?? Path.Combine(BenchPaths.WorkDir, "gazetteer");
        Directory.CreateDirectory(dir);
        var src = Path.Combine(dir, $"allCountries-synthetic-{rows}.txt");
        var idx = Path.Combine(dir, $"synthetic-{rows}.idx");

        var clock = Stopwatch.StartNew();
        if (!File.Exists(src))
        {
            Generate(src, rows);
            Console.Error.WriteLine($"generated {src} ({new FileInfo(src).Length / 1e6:0} MB) in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        clock.Restart();
        var report = GazetteerStore.Compile([src], idx, includeSupplement: true);
        var importSeconds = clock.Elapsed.TotalSeconds;
        var peakImport = Process.GetCurrentProcess().PeakWorkingSet64;
        foreach (var p in report.Problems.Take(5)) Console.Error.WriteLine(p);

        // open and look up in a fresh process, so that the import's memory does not count
        var self = typeof(GazetteerBench).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { self, "gazetteer-open", idx, rows.ToString(CultureInfo.InvariantCulture), lookups.ToString(CultureInfo.InvariantCulture) }) psi.ArgumentList.Add(a);
        using var child = Process.Start(psi)!;
        var openJson = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"rows\":{rows},\"records\":{report.Records},\"names\":{report.Names},\"index_mb\":{new FileInfo(idx).Length / 1e6:0.0},\"import_s\":{importSeconds:0.0},\"import_peak_mb\":{peakImport / 1e6:0},\"open\":{openJson}}}"));
        return child.ExitCode;
    }

    /// <summary>The child process: open, look up, report JSON (open ms, look-ups/s on one thread, resident MB).</summary>
    public static int Open(string idx, long rows, int lookups)
    {
        var before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        using var g = Gazetteer.Open(idx);
        var openMs = clock.Elapsed.TotalMilliseconds;
        var afterOpen = Process.GetCurrentProcess().WorkingSet64;
        // names are made before timing; a quarter are not in the gazetteer
        var names = new string[Math.Min(lookups, 1 << 18)];
        var rng = new Random(11);
        for (var i = 0; i < names.Length; i++)
            names[i] = i % 4 == 3 ? NameOf(rows + rng.NextInt64(rows)) + "x" : NameOf(rng.NextInt64(rows));
        Span<GazetteerHit> hits = stackalloc GazetteerHit[64];
        var found = 0L;
        // first pass warms the pages a look-up touches (as a long-running process would have them)
        foreach (var n in names) found += g.Find(n, hits) > 0 ? 1 : 0;
        found = 0;
        // wall-clock rate, and the rate per second of CPU this thread got (the machine is shared)
        var cpu = ThreadCpu();
        clock.Restart();
        for (var i = 0; i < lookups; i++) found += g.Find(names[i % names.Length], hits) > 0 ? 1 : 0;
        var perSecond = lookups / clock.Elapsed.TotalSeconds;
        var perCpuSecond = lookups / (ThreadCpu() - cpu).TotalSeconds;
        // news name the same places again and again: 10 000 distinct names, looked up in turn
        cpu = ThreadCpu();
        var hot = 0L;
        for (var i = 0; i < lookups; i++) hot += g.Find(names[i % 10_000], hits);
        var hotPerCpuSecond = lookups / (ThreadCpu() - cpu).TotalSeconds;
        // two threads (the machine's cores), each over its half of the names
        clock.Restart();
        var half = lookups / 2;
        Parallel.For(0, 2, t =>
        {
            Span<GazetteerHit> h = stackalloc GazetteerHit[64];
            for (var i = t * half; i < (t + 1) * half; i++) g.Find(names[i % names.Length], h);
        });
        var perSecond2 = 2 * half / clock.Elapsed.TotalSeconds;
        // the name key alone, to see what a look-up costs beyond it
        Span<char> keyBuf = stackalloc char[NameKey.MaxLength];
        var keyChars = 0L;
        cpu = ThreadCpu();
        for (var i = 0; i < lookups; i++) keyChars += NameKey.Default.Write(names[i % names.Length], keyBuf);
        var keysPerCpuSecond = lookups / (ThreadCpu() - cpu).TotalSeconds;
        // the geocoder on top: candidates scored with a country context
        var geocoder = new GazetteerGeocoder(g);
        var ctx = new GeoContext();
        ctx.Countries.Add("SY");
        var geoN = Math.Min(lookups, 200_000);
        cpu = ThreadCpu();
        for (var i = 0; i < geoN; i++) geocoder.Resolve(names[i % names.Length], PlaceRelation.In, null, ctx);
        var geoPerCpuSecond = geoN / (ThreadCpu() - cpu).TotalSeconds;
        var p = Process.GetCurrentProcess();
        p.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"open_ms\":{openMs:0.0},\"lookups\":{lookups},\"found_share\":{found / (double)lookups:0.00},\"lookups_per_s_wall\":{perSecond:0},\"lookups_per_cpu_s\":{perCpuSecond:0},\"lookups_per_cpu_s_10k_names\":{hotPerCpuSecond:0},\"lookups_per_s_2_threads_wall\":{perSecond2:0},\"name_keys_per_cpu_s\":{keysPerCpuSecond:0},\"geocoder_resolves_per_cpu_s\":{geoPerCpuSecond:0},\"load_average\":\"{LoadAverage()}\",\"resident_after_open_mb\":{afterOpen / 1e6:0},\"resident_after_lookups_mb\":{p.WorkingSet64 / 1e6:0},\"resident_before_open_mb\":{before / 1e6:0},\"managed_mb\":{GC.GetTotalMemory(false) / 1e6:0}}}"));
        return 0;
    }

    // CPU time of the calling thread (Linux: /proc/thread-self/stat, utime + stime in clock ticks)
    private static TimeSpan ThreadCpu()
    {
        try
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException) { return Process.GetCurrentProcess().TotalProcessorTime; }
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    private static void Generate(string path, long rows)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var rng = new Random(5);
        var countries = new[] { "SY", "IQ", "AF", "YE", "ML", "BF", "NE", "NG", "LY", "SD", "SO", "CD", "CF", "UA", "FR", "US", "RU", "CN", "IN", "BR" };
        var codes = new[] { ("P", "PPL"), ("P", "PPL"), ("P", "PPLX"), ("H", "STM"), ("T", "HLL"), ("S", "FRM"), ("A", "ADM3"), ("L", "AREA") };
        var sb = new StringBuilder(256);
        for (long i = 0; i < rows; i++)
        {
            var name = NameOf(i);
            var (fc, code) = codes[rng.Next(codes.Length)];
            sb.Clear();
            sb.Append(10_000_000 + i).Append('\t').Append(name).Append('\t').Append(name).Append('\t');
            if (rng.Next(5) == 0) sb.Append(NameOf(rows * 2 + i));
            sb.Append('\t').Append((rng.NextDouble() * 140 - 60).ToString("0.#####", CultureInfo.InvariantCulture))
              .Append('\t').Append((rng.NextDouble() * 360 - 180).ToString("0.#####", CultureInfo.InvariantCulture))
              .Append('\t').Append(fc).Append('\t').Append(code).Append('\t').Append(countries[rng.Next(countries.Length)])
              .Append("\t\t").Append(rng.Next(1, 30).ToString("00", CultureInfo.InvariantCulture)).Append("\t\t\t\t")
              .Append(rng.Next(4) == 0 ? rng.Next(100, 200_000) : 0).Append("\t\t100\tEtc/UTC\t2024-01-01");
            w.WriteLine(sb);
        }
    }
}

/// <summary>Micro-benchmarks of the default gazetteer (cities500 + supplement): name keys, look-ups, geocoding.</summary>
[MemoryDiagnoser]
public class GazetteerBenchmarks
{
    private static readonly string[] Names =
    [
        "Damas", "Hadjar al-Assouad", "Qadam", "Yarmouk", "Mossoul", "Tombouctou", "Gao", "Konduga", "Khan Cheikhoun",
        "Ghouta orientale", "Donetsk", "Tripoli", "Bangassou", "Mogadiscio", "Sobane Da", "Beni", "Louhansk", "Kaboul",
    ];

    private Gazetteer _g = null!;
    private GeoContext _ctx = new();

    [GlobalSetup]
    public void Setup()
    {
        _g = Gazetteer.Default;
        _ctx = new GeoContext();
        _ctx.Countries.Add("SY");
    }

    [Benchmark(Description = "NameKey.Write, 18 names")]
    public int Key()
    {
        Span<char> buf = stackalloc char[NameKey.MaxLength];
        var n = 0;
        foreach (var s in Names) n += NameKey.Default.Write(s, buf);
        return n;
    }

    [Benchmark(Description = "Gazetteer.Find, 18 names")]
    public int Find()
    {
        Span<GazetteerHit> hits = stackalloc GazetteerHit[64];
        var n = 0;
        foreach (var s in Names) n += _g.Find(s, hits);
        return n;
    }

    [Benchmark(Description = "GazetteerGeocoder.Resolve, 18 names")]
    public int Resolve()
    {
        var n = 0;
        foreach (var s in Names) n += GazetteerGeocoder.Default.Resolve(s, PlaceRelation.In, null, _ctx) != null ? 1 : 0;
        return n;
    }
}
