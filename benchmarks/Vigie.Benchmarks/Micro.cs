using BenchmarkDotNet.Attributes;
using Vigie.Model;
using Vigie.Text;

namespace Vigie.Benchmarks;

/// <summary>Shared input for the micro-benchmarks: a few synthetic dispatches from the corpus generator.</summary>
public static class MicroInput
{
    private static readonly Lazy<string[]> _texts = new(() =>
    {
        var sw = new StringWriter();
        new CorpusGenerator(BenchPaths.CorpusDir).Write(sw, 64, seed: 7, englishShare: 0);
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

[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private string[] _texts = [];
    private Pipeline.Pipeline _pipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = MicroInput.Texts;
        _pipeline = Pipeline.PipelineFactory.Create();
    }

    [Benchmark(Description = "PipelineFactory pipeline, 64 dispatches")]
    public int Extract()
    {
        var n = 0;
        foreach (var t in _texts)
        {
            var doc = new Document("b", t) { Published = PartialDate.Parse("2018-04-27"), Language = "fr" };
            _pipeline.Run(doc);
            n += doc.Layers.Types.Count();
        }
        return n;
    }
}
