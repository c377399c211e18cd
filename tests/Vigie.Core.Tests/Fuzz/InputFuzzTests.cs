using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vigie.Composition;
using Vigie.Errors;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Readers;
using Vigie.Tests.Readers;
using Xunit.Abstractions;

namespace Vigie.Tests.Fuzz;

/// <summary>
/// Mutation fuzzing of the readers and the whole pipeline: inputs derived from samples/ (and a few
/// hand-made seeds for formats the samples do not stress) are damaged, read by the reader their
/// name or content selects — or by a forced reader — and every document read goes through
/// <see cref="PipelineFactory.Create"/>. Deterministic: VIGIE_FUZZ_SEED (default 20261125) and
/// VIGIE_FUZZ_ITERATIONS (default 10,000) choose the run; see docs/RELIABILITY.md.
/// </summary>
public class InputFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Formats = [.. Inputs.Readers.Keys];

    private static readonly (string Name, string Content)[] ExtraSeeds =
    [
        ("nested.json", "[{\"id\":\"n1\",\"date\":\"2020-01-02\",\"text\":\"Des tirs ont visé Gao.\",\"meta\":{\"a\":[1,{\"b\":[2,3]}]}},\n{\"id\":\"n2\",\"text\":\"Sans date.\"}]"),
        ("types.jsonl", "{\"id\":1,\"date\":2019,\"text\":\"Un texte daté d'une année.\"}\n{\"id\":null,\"date\":null,\"text\":\"Champs nuls.\",\"lang\":null}\n"),
        ("quoted.csv", "text;date;id\n\"Un texte sur \"\"deux\"\"\nlignes.\";2021-05-06;q1\nSimple;2021-05-07;q2\n"),
        ("nobody.html", "<html><head><meta property=\"article:published_time\" content=\"2020-02-30\"><title>T</title></head></html>"),
        ("dates.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title><item><title>A</title><description>Au moins 3 morts.</description><pubDate>Mon, 30 Feb 2020 10:00:00 GMT</pubDate></item><item><title>B</title><description>Texte.</description><pubDate>2020-02-30</pubDate></item></channel></rss>"),
        ("feed.atom", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>E</title><updated>2018-13-01T00:00:00Z</updated><content type=\"xhtml\"><div><p>Des obus sont tombés sur Idleb.</p></div></content></entry></feed>"),
        ("numbers.txt", "date: 2018-04-27\n\nAu moins 99999999999999999999 morts, entre 12 et 9 blessés, 1e400 déplacés, le 31 février et le 0 mars, depuis 99999."),
    ];

    [Fact]
    public void Fuzz_MutatedInputs_NoCrashEveryRejectionNamedCountsBalance()
    {
        var iterations = Env("VIGIE_FUZZ_ITERATIONS", 10_000);
        var seed = Env("VIGIE_FUZZ_SEED", 20261125);
        var seeds = LoadSeeds();
        var pipeline = PipelineFactory.Create();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var byCode = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        int accepted = 0, rejected = 0, documents = 0;
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;

        // each input has its own generator seeded from (seed, index): the run is the same in any order
        Parallel.For(0, iterations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (i, state) =>
        {
            var random = new Random(unchecked(seed * 1_000_003 + i));
            var (seedName, seedBytes) = seeds[random.Next(seeds.Count)];
            var (bytes, mutations) = InputMutator.Mutate(seedBytes, random);
            // most inputs keep their name (the reader is chosen as for a user's file); some lose the
            // extension (content sniffing) and every fourth is forced through one reader in turn
            var name = random.Next(16) == 0 ? $"fuzz{i}" : $"fuzz{i}{Path.GetExtension(seedName)}";
            var format = i % 4 == 3 ? Formats[i / 4 % Formats.Length] : null;
            var label = $"#{i} seed {seedName} [{mutations}]{(format != null ? " --input-format " + format : "")}";

            var local = new List<string>();
            var outcome = Run(name, bytes, format, pipeline, label, local);
            if (outcome.Documents > 0) Interlocked.Increment(ref accepted);
            else if (outcome.Errors > 0) Interlocked.Increment(ref rejected);
            else local.Add($"{label}: neither a document nor an error");
            Interlocked.Add(ref documents, outcome.Documents);
            foreach (var code in outcome.Codes) byCode.AddOrUpdate(code, 1, (_, n) => n + 1);
            foreach (var f in local) failures.Enqueue(f);
            if (failures.Count >= 25) state.Stop();
        });

        output.WriteLine($"seed {seed}: {iterations} inputs, {accepted} accepted ({documents} documents), {rejected} rejected, {failures.Count} failures, {clock.Elapsed.TotalSeconds:F1} s ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s of CPU)");
        output.WriteLine("problems by code: " + string.Join(", ", byCode.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(25)));
        Assert.Equal(iterations, accepted + rejected);
        Assert.True(accepted > iterations / 10 && rejected > iterations / 10, $"accepted {accepted}, rejected {rejected}: the mutations should give both");
    }

    private sealed record Outcome(int Documents, int Errors, List<string> Codes);

    private static Outcome Run(string name, byte[] bytes, string? format, Vigie.Pipeline.Pipeline pipeline, string label, List<string> failures)
    {
        int docs = 0, errors = 0;
        var codes = new List<string>();
        List<ReadItem> items;
        try
        {
            items = Inputs.ReadStream(name, new MemoryStream(bytes), new ReaderOptions { Format = format }).ToList();
        }
        catch (Exception e)
        {
            failures.Add($"{label}: reading threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            return new Outcome(0, 1, codes);
        }
        foreach (var item in items)
        {
            if (item.Document == null && item.Problem == null) failures.Add($"{label}: an empty item");
            if (item.Problem is { } p)
            {
                var code = p.Message.Length >= 8 ? p.Message[..8] : p.Message;
                codes.Add(code);
                if (p.Origin.File != name || p.Origin.Line < 1 || !p.Message.StartsWith("VIG-R", StringComparison.Ordinal) || p.Message.Length < 15)
                    failures.Add($"{label}: a problem without file, line and reason: {p}");
                if (code == ErrorCatalogue.Internal.Code) failures.Add($"{label}: a reader failed: {p}");
                if (p.Severity == ProblemSeverity.Error && item.Document == null) errors++;
            }
            if (item.Document is not { } doc) continue;
            docs++;
            if (doc.Origin.File != name || doc.Origin.Line < 1 || string.IsNullOrWhiteSpace(doc.Id) || string.IsNullOrWhiteSpace(doc.Text))
                failures.Add($"{label}: a document without origin, id or text: {doc.Id} at {doc.Origin}");
            try
            {
                pipeline.Run(doc);
            }
            catch (Exception e)
            {
                failures.Add($"{label}: the pipeline threw {e.GetType().Name} on '{Excerpt(doc.Text)}': {e.Message}\n{e.StackTrace}");
                continue;
            }
            foreach (var bad in SpanWalker.Outside(doc)) failures.Add($"{label}: span outside the text: {bad}");
        }
        return new Outcome(docs, errors, codes);
    }

    private static List<(string Name, byte[] Bytes)> LoadSeeds()
    {
        var seeds = Directory.EnumerateFiles(SampleTests.Samples, "*", SearchOption.AllDirectories)
            .Where(Inputs.IsKnownExtension)
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllBytes(p)))
            .ToList();
        seeds.AddRange(ExtraSeeds.Select(s => (s.Name, Encoding.UTF8.GetBytes(s.Content))));
        return seeds;
    }

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;

    private static string Excerpt(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
