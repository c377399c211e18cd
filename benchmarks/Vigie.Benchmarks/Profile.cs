using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Vigie.Composition;
using Vigie.Json;
using Vigie.Model;
using Vigie.Pipeline;

namespace Vigie.Benchmarks;

/// <summary>
/// Where extraction time goes: runs the standard pipeline over a corpus on one thread, timing each
/// component apart (after a warm-up pass), plus reading the JSON line and writing the record. Each step
/// gets its wall-clock time, the CPU time of the thread (which a loaded machine inflates much less) and
/// the bytes it allocated; the run ends with the garbage collector's count and pauses.
/// </summary>
public static class Profile
{
    private sealed class Step(string name)
    {
        public string Name { get; } = name;
        public long Ticks, CpuNs, Bytes;
    }

    public static string Run(string corpusPath, int warmup = 200)
    {
        var lines = File.ReadAllLines(corpusPath).Where(l => l.Length > 0).ToArray();
        var pipeline = PipelineFactory.Create();
        var components = pipeline.Components;
        var read = new Step("read JSON line");
        var steps = components.Select(c => new Step(c.Name)).ToArray();
        var write = new Step("write JSON record");
        long bytes = 0;
        for (var i = 0; i < Math.Min(warmup, lines.Length); i++) pipeline.Run(Read(lines[i], i));
        var pauseBefore = GC.GetTotalPauseDuration();
        var (gen0Before, gen2Before) = (GC.CollectionCount(0), GC.CollectionCount(2));
        var cpuBefore = ThreadCpuNs();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < lines.Length; i++)
        {
            Document doc = null!;
            Time(read, () => doc = Read(lines[i], i));
            bytes += Encoding.UTF8.GetByteCount(doc.Text);
            for (var c = 0; c < components.Count; c++)
            {
                var component = components[c];
                Time(steps[c], () => component.Process(doc));
            }
            Time(write, () => _ = VigieJson.Serialize(RecordMapper.ToRecord(doc)));
        }
        total.Stop();
        var cpu = (ThreadCpuNs() - cpuBefore) / 1e9;
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        var n = lines.Length;
        var all = new[] { read }.Concat(steps).Append(write).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{n} documents, {bytes / 1e6:0.00} MB, one thread: {n / total.Elapsed.TotalSeconds:0} docs/s, {bytes / 1e6 / total.Elapsed.TotalSeconds:0.00} MB/s; {n / cpu:0} docs per CPU second of the thread"));
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"GC: {GC.CollectionCount(0) - gen0Before} collections ({GC.CollectionCount(2) - gen2Before} of generation 2), paused {pause.TotalMilliseconds * 1000 / n:0.0} µs/doc ({100 * pause.TotalSeconds / total.Elapsed.TotalSeconds:0.0} % of the run)"));
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"JIT (whole process, warm-up included): {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.00} s"));
        sb.AppendLine();
        sb.AppendLine("| step | µs/doc | share | CPU µs/doc | CPU share | KB allocated/doc |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        var (allTicks, allCpu, allBytes) = (all.Sum(s => s.Ticks), all.Sum(s => s.CpuNs), all.Sum(s => s.Bytes));
        void Row(string name, long t, long c, long b) =>
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {t * 1e6 / Stopwatch.Frequency / n:0.0} | {100.0 * t / allTicks:0.0} % | {c / 1e3 / n:0.0} | {100.0 * c / allCpu:0.0} % | {b / 1024.0 / n:0.0} |"));
        foreach (var s in all) Row(s.Name, s.Ticks, s.CpuNs, s.Bytes);
        Row("total", allTicks, allCpu, allBytes);
        return sb.ToString();
    }

    private static void Time(Step step, Action action)
    {
        var a = GC.GetAllocatedBytesForCurrentThread();
        var c = ThreadCpuNs();
        var t = Stopwatch.GetTimestamp();
        action();
        step.Ticks += Stopwatch.GetTimestamp() - t;
        step.CpuNs += ThreadCpuNs() - c;
        step.Bytes += GC.GetAllocatedBytesForCurrentThread() - a;
    }

    private static Document Read(string line, int i)
    {
        var r = VigieJson.Deserialize(line)!;
        return RecordMapper.FromRecord(r, new Origin("corpus", i + 1));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec { public long Seconds, Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID (Linux)

    /// <summary>CPU time of the calling thread in nanoseconds (0 where the clock is missing).</summary>
    internal static long ThreadCpuNs()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        return ClockGetTime(ThreadCpuClock, out var ts) == 0 ? ts.Seconds * 1_000_000_000 + ts.Nanoseconds : 0;
    }
}
