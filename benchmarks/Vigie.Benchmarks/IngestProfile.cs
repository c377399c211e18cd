using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vigie.Composition;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;
using Vigie.Storage.Sqlite;

namespace Vigie.Benchmarks;

/// <summary>
/// Where ingest time goes after extraction: extracts a corpus first (all threads, not timed with the rest),
/// with the stored JSON forms (as the ingest's extraction threads compute them), then writes it into a fresh SQLite file through the storage port as <see cref="Ingestor"/> does (batches of
/// 200, the events brought up to date after each batch, numbered at the end) and times each step apart, with
/// the managed heap after each phase.
/// </summary>
public static class IngestProfile
{
    public static string Run(string corpusPath, string dbPath, int batchSize = 200, bool together = false)
    {
        foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" }) File.Delete(f);
        var lines = File.ReadAllLines(corpusPath).Where(l => l.Length > 0).ToArray();
        var pipeline = PipelineFactory.Create();
        var extractClock = Stopwatch.StartNew();
        var items = new Extracted[lines.Length];
        Parallel.For(0, lines.Length, i =>
        {
            var r = VigieJson.Deserialize(lines[i])!;
            var d = RecordMapper.FromRecord(r, new Origin("corpus", i + 1));
            pipeline.Run(d);
            items[i] = new Extracted(d, RecordMapper.ToRecord(d)).Prepare();
        });
        extractClock.Stop();
        lines = [];

        using var store = SqliteStore.Open(dbPath);
        store.BeginBulkLoad(); // as the Ingestor announces its run
        long writeTicks = 0, fuseTicks = 0, writeCpu = 0, fuseCpu = 0;
        var runId = "profile";
        var process = Process.GetCurrentProcess();
        var processCpu = process.TotalProcessorTime;
        for (var start = 0; start < items.Length; start += batchSize)
        {
            var batch = items.AsSpan(start, Math.Min(batchSize, items.Length - start)).ToArray();
            var t0 = Stopwatch.GetTimestamp();
            var c0 = Profile.ThreadCpuNs();
            if (together)
            {
                // as the ingest does it: the batch and the fusion of its mentions in one transaction (counted as the write)
                store.WriteBatchAndUpdate(batch, runId, null, Fuse(store));
                writeTicks += Stopwatch.GetTimestamp() - t0;
                writeCpu += Profile.ThreadCpuNs() - c0;
            }
            else
            {
                store.WriteBatch(batch, runId);
                var t1 = Stopwatch.GetTimestamp();
                var c1 = Profile.ThreadCpuNs();
                writeTicks += t1 - t0;
                writeCpu += c1 - c0;
                fuseTicks += StepFusion(store);
                fuseCpu += Profile.ThreadCpuNs() - c1;
            }
            for (var i = start; i < start + batch.Length; i++) items[i] = null!; // as a stream would drop them
        }
        var t2 = Stopwatch.GetTimestamp();
        var c2 = Profile.ThreadCpuNs();
        var events = FinalFusion(store);
        var finalTicks = Stopwatch.GetTimestamp() - t2;
        var finalCpu = Profile.ThreadCpuNs() - c2;
        process.Refresh();
        var allCpu = (process.TotalProcessorTime - processCpu).Ticks * 100; // ns
        var n = items.Length;
        string Ms(long t) => (t * 1000.0 / Stopwatch.Frequency).ToString("0", CultureInfo.InvariantCulture);
        string Us(long t) => (t * 1e6 / Stopwatch.Frequency / n).ToString("0", CultureInfo.InvariantCulture);
        string CpuUs(long ns) => (ns / 1e3 / n).ToString("0", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{n} documents, {events} events; extraction on {Environment.ProcessorCount} threads {extractClock.Elapsed.TotalSeconds:0.0} s (not part of the table)"));
        sb.AppendLine();
        sb.AppendLine("| step | ms | µs/doc | thread CPU µs/doc |");
        sb.AppendLine("|---|---:|---:|---:|");
        sb.AppendLine(together
            ? $"| WriteBatchAndUpdate (documents, mentions, reports, and the fusion of the batch's mentions; one transaction per batch) | {Ms(writeTicks)} | {Us(writeTicks)} | {CpuUs(writeCpu)} |"
            : $"| WriteBatch (documents, mentions, reports; one transaction per batch) | {Ms(writeTicks)} | {Us(writeTicks)} | {CpuUs(writeCpu)} |");
        sb.AppendLine($"| fusion after each batch | {Ms(fuseTicks)} | {Us(fuseTicks)} | {CpuUs(fuseCpu)} |");
        sb.AppendLine($"| … of which reading mentions (unfused, then probes) | {Ms(_readTicks)} | {Us(_readTicks)} | |");
        sb.AppendLine($"| … of which closure checks and EventFusion.Fuse | {Ms(_fuseTicks)} | {Us(_fuseTicks)} | |");
        sb.AppendLine($"| … the rest: replacing the events, linking the mentions, commit | {Ms(fuseTicks - _readTicks - _fuseTicks)} | {Us(fuseTicks - _readTicks - _fuseTicks)} | |");
        sb.AppendLine($"| fusion at the end (numbering, listing indexes built) | {Ms(finalTicks)} | {Us(finalTicks)} | {CpuUs(finalCpu)} |");
        sb.AppendLine($"| all of the above, every thread of the process (the WAL checkpoints' thread too) | | | {CpuUs(allCpu)} |");
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"\nincremental fusion: {_unfused} new mentions, {_probes} probes returning {_candidates} stored mentions not yet read, {_loaded} mentions fused"));
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"\npeak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB (the extracted corpus is held in memory for this profile)"));
        return sb.ToString();
    }

    private static long _readTicks, _fuseTicks, _probes, _candidates, _unfused, _loaded;

    /// <summary>What the ingest does with the events after each batch: incremental fusion, numbers left for the end.</summary>
    private static long StepFusion(SqliteStore store)
    {
        var t = Stopwatch.GetTimestamp();
        store.UpdateEvents(Fuse(store), renumber: false);
        return Stopwatch.GetTimestamp() - t;
    }

    /// <summary>The incremental fusion's closure, counted and timed.</summary>
    private static Func<IFusionReader, IReadOnlyList<FusedEvent>> Fuse(SqliteStore store)
    {
        var fusion = new EventFusion(store.Reliability);
        return reader =>
        {
            var counted = new CountingReader(reader);
            var t0 = Stopwatch.GetTimestamp();
            var closure = StoreFusion.Closure(fusion, counted);
            _fuseTicks += Stopwatch.GetTimestamp() - t0 - counted.Ticks;
            _readTicks += counted.Ticks;
            _loaded += closure.Sum(e => e.Mentions.Count);
            return closure;
        };
    }

    /// <summary>Counts and times what incremental fusion reads.</summary>
    private sealed class CountingReader(IFusionReader inner) : IFusionReader
    {
        public long Ticks;

        public IReadOnlyList<FusionMention> Unfused()
        {
            var t = Stopwatch.GetTimestamp();
            var list = inner.Unfused();
            Ticks += Stopwatch.GetTimestamp() - t;
            _unfused += list.Count;
            return list;
        }

        public IEnumerable<FusionMention> Around(FusionProbe probe, Func<string, bool> skip)
        {
            var t = Stopwatch.GetTimestamp();
            var list = inner.Around(probe, skip).ToList();
            Ticks += Stopwatch.GetTimestamp() - t;
            _probes++;
            _candidates += list.Count;
            return list;
        }
    }

    /// <summary>What the ingest does with the events at the end of a run: numbering them.</summary>
    private static int FinalFusion(SqliteStore store) => store.Update(renumber: true);
}
