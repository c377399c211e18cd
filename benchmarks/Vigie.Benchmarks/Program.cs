using System.Globalization;
using BenchmarkDotNet.Running;
using Vigie.Benchmarks;

// Vigie.Benchmarks: corpus | baseline | run | micro (see docs/BENCHMARKS.md).
var command = args.Length > 0 ? args[0] : "";
try
{
    switch (command)
    {
        case "corpus":
        {
            var size = int.Parse(Option(args, "--size") ?? "1000", CultureInfo.InvariantCulture);
            var seed = int.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
            var out_ = Option(args, "--out");
            var gen = new CorpusGenerator(BenchPaths.CorpusDir);
            Console.Error.WriteLine($"corpus sources: benchmarks/corpus/*.tsv, {gen.AddRepositorySources(BenchPaths.Root)}");
            using var w = out_ == null ? Console.Out : new StreamWriter(out_);
            gen.Write(w, size, seed);
            return 0;
        }
        case "baseline":
        {
            if (args.Length < 2) { Console.Error.WriteLine("usage: baseline CORPUS.jsonl"); return 2; }
            var r = LuceneBaseline.Run(args[1]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"documents\":{r.Documents},\"bytes\":{r.Bytes},\"tokens\":{r.Tokens},\"seconds\":{r.Seconds:0.###}}}"));
            return 0;
        }
        case "run":
        {
            var sizes = (Option(args, "--sizes") ?? "1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var cpus = (Option(args, "--cpus") ?? "1,2").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var ingest = Option(args, "--ingest") ?? "ingest {corpus} --db {db} --threads {cpus}";
            var o = new Runner.Options(
                sizes, cpus,
                int.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture),
                Option(args, "--vigie") ?? Path.Combine(BenchPaths.Root, ".vigie", "bin", "vigie.dll"),
                typeof(Runner).Assembly.Location,
                Option(args, "--out") ?? Path.Combine(BenchPaths.Root, "benchmarks", "results", "latest.json"),
                ingest.Length == 0 ? [] : ingest.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            return new Runner(o).Run();
        }
        case "gazetteer":
            return GazetteerBench.Run(args, Option(args, "--rows"), Option(args, "--lookups"), Option(args, "--dir"));
        case "gazetteer-open":
            return GazetteerBench.Open(args[1], long.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        case "profile":
        {
            if (args.Length < 2) { Console.Error.WriteLine("usage: profile CORPUS.jsonl"); return 2; }
            Console.Write(Profile.Run(args[1]));
            return 0;
        }
        case "ingest-profile":
        {
            if (args.Length < 3) { Console.Error.WriteLine("usage: ingest-profile CORPUS.jsonl DB [BATCH] [--together]"); return 2; }
            Console.Write(IngestProfile.Run(args[1], args[2], args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 200, args.Contains("--together")));
            return 0;
        }
        case "micro":
            BenchmarkSwitcher.FromAssembly(typeof(Runner).Assembly).Run(args[1..]);
            return 0;
        default:
            Console.Error.WriteLine("usage: Vigie.Benchmarks corpus [--size N] [--seed S] [--out FILE] | baseline CORPUS | profile CORPUS | ingest-profile CORPUS DB [BATCH] [--together] | run [--sizes 1000,10000] [--cpus 1,2] [--ingest ARGS] [--out FILE] | micro [BenchmarkDotNet options] | gazetteer [--rows 12000000] [--lookups 2000000] [--dir DIR]");
            return 2;
    }
}
catch (Exception e) when (e is IOException or FormatException or KeyNotFoundException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
