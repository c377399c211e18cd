using System.Diagnostics;
using System.Text.Json;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Vigie.Benchmarks;

/// <summary>
/// The reference cost of merely reading French: Lucene.Net's FrenchAnalyzer (standard tokenizer,
/// elision, lower case, stop words, light stemmer) over the texts of a JSONL corpus, read the same
/// way <c>vigie extract</c> reads it, on as many threads as the process may use.
/// </summary>
public static class LuceneBaseline
{
    public sealed record Result(long Documents, long Bytes, long Tokens, double Seconds);

    public static Result Run(string corpusPath)
    {
        var sw = Stopwatch.StartNew();
        using var analyzer = new FrenchAnalyzer(LuceneVersion.LUCENE_48);
        long docs = 0, bytes = 0, tokens = 0;
        var lines = File.ReadLines(corpusPath).Where(l => l.Length > 0);
        Parallel.ForEach(lines, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => (0L, 0L, 0L), (line, _, acc) =>
        {
            using var json = JsonDocument.Parse(line);
            var text = json.RootElement.GetProperty("text").GetString() ?? "";
            var n = 0L;
            using (var stream = analyzer.GetTokenStream("text", new StringReader(text)))
            {
                var term = stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken()) if (term.Length > 0) n++;
                stream.End();
            }
            return (acc.Item1 + 1, acc.Item2 + System.Text.Encoding.UTF8.GetByteCount(text), acc.Item3 + n);
        }, acc =>
        {
            Interlocked.Add(ref docs, acc.Item1);
            Interlocked.Add(ref bytes, acc.Item2);
            Interlocked.Add(ref tokens, acc.Item3);
        });
        return new Result(docs, bytes, tokens, sw.Elapsed.TotalSeconds);
    }
}
