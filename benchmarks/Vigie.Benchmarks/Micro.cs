using BenchmarkDotNet.Attributes;
using Vigie.Composition;
using Vigie.Model;
using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Benchmarks;

/// <summary>Shared input for the micro-benchmarks: a few synthetic dispatches from the corpus generator.</summary>
public static class MicroInput
{
    private static readonly Lazy<string[]> _texts = new(() =>
    {
        var sw = new StringWriter();
        var gen = new CorpusGenerator(BenchPaths.CorpusDir);
        gen.AddRepositorySources(BenchPaths.Root);
        gen.Write(sw, 64, seed: 7, englishShare: 0);
        return sw.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToArray();
    });

    public static string[] Texts => _texts.Value;
}

[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private string[] _texts = [];

    [GlobalSetup] public void Setup() => _texts = MicroInput.Texts;

    [Benchmark(Description = "Tokenizer.Tokenize, 64 dispatches")]
    public int Tokenize()
    {
        var n = 0;
        foreach (var t in _texts) n += Tokenizer.Tokenize(t).Count;
        return n;
    }

    [Benchmark(Description = "Fold.String, 64 dispatches")]
    public int FoldText()
    {
        var n = 0;
        foreach (var t in _texts) n += Fold.String(t).Length;
        return n;
    }
}

/// <summary>
/// The standard pipeline cut after each component: the cost of component k is the difference
/// between the prefixes ending at k and at k-1 (tokenizer, number and time parsers, lexicon
/// finders, gazetteer geocoding, assembly).
/// </summary>
[MemoryDiagnoser]
public class PipelinePrefixBenchmarks
{
    private string[] _texts = [];
    private Pipeline.Pipeline _prefix = null!;

    public static IEnumerable<string> Steps() => Composition.PipelineFactory.Create().Components.Select(c => c.Name);

    [ParamsSource(nameof(Steps))]
    public string Upto { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _texts = MicroInput.Texts;
        var all = Composition.PipelineFactory.Create().Components;
        var n = all.ToList().FindIndex(c => c.Name == Upto) + 1;
        _prefix = new Pipeline.Pipeline(all.Take(n));
        foreach (var t in _texts) _prefix.Run(NewDoc(t)); // lexicons and gazetteer opened before measuring
    }

    private static Document NewDoc(string text) => new("b", text) { Published = PartialDate.Parse("2018-04-27"), Language = "fr" };

    [Benchmark(Description = "pipeline up to a component, 64 dispatches")]
    public int Run()
    {
        var n = 0;
        foreach (var t in _texts) n += _prefix.Run(NewDoc(t)).Layers.Types.Count();
        return n;
    }
}
