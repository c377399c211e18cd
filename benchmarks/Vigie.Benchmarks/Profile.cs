using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vigie.Composition;
using Vigie.Json;
using Vigie.Model;
using Vigie.Pipeline;

namespace Vigie.Benchmarks;

/// <summary>
/// Where extraction time goes: runs the standard pipeline over a corpus on one thread, timing each
/// component apart (after a warm-up pass), plus reading the JSON line and writing the record.
/// </summary>
public static class Profile
{
    public static string Run(string corpusPath, int warmup = 200)
    {
        var lines = File.ReadAllLines(corpusPath).Where(l => l.Length > 0).ToArray();
        var pipeline = PipelineFactory.Create();
        var components = pipeline.Components;
        var ticks = new long[components.Count];
        long readTicks = 0, writeTicks = 0, bytes = 0;
        for (var i = 0; i < Math.Min(warmup, lines.Length); i++) pipeline.Run(Read(lines[i], i));
        var total = Stopwatch.StartNew();
        for (var i = 0; i < lines.Length; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var doc = Read(lines[i], i);
            readTicks += Stopwatch.GetTimestamp() - t0;
            bytes += Encoding.UTF8.GetByteCount(doc.Text);
            for (var c = 0; c < components.Count; c++)
            {
                var s = Stopwatch.GetTimestamp();
                components[c].Process(doc);
                ticks[c] += Stopwatch.GetTimestamp() - s;
            }
            var w = Stopwatch.GetTimestamp();
            _ = VigieJson.Serialize(RecordMapper.ToRecord(doc));
            writeTicks += Stopwatch.GetTimestamp() - w;
        }
        total.Stop();
        var n = lines.Length;
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{n} documents, {bytes / 1e6:0.00} MB, one thread: {n / total.Elapsed.TotalSeconds:0} docs/s, {bytes / 1e6 / total.Elapsed.TotalSeconds:0.00} MB/s"));
        sb.AppendLine();
        sb.AppendLine("| step | µs/doc | share |");
        sb.AppendLine("|---|---:|---:|");
        var all = readTicks + writeTicks + ticks.Sum();
        void Row(string name, long t) =>
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {t * 1e6 / Stopwatch.Frequency / n:0.0} | {100.0 * t / all:0.0} % |"));
        Row("read JSON line", readTicks);
        for (var c = 0; c < components.Count; c++) Row(components[c].Name, ticks[c]);
        Row("write JSON record", writeTicks);
        return sb.ToString();
    }

    private static Document Read(string line, int i)
    {
        var r = VigieJson.Deserialize(line)!;
        return RecordMapper.FromRecord(r, new Origin("corpus", i + 1));
    }
}
