using System.Diagnostics;
using System.Text;
using Vigie.Composition;
using Vigie.Errors;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Readers;
using Xunit.Abstractions;

namespace Vigie.Tests.Readers;

/// <summary>Documents over the size limit are split at paragraph ends, and a run's time grows with its input, not faster.</summary>
public class LargeDocumentTests(ITestOutputHelper output)
{
    [Fact]
    public void Cuts_FallOnBlankLines_AndKeepEveryWord()
    {
        var paragraphs = Enumerable.Range(0, 40).Select(i => $"Paragraphe {i}. " + string.Join(' ', Enumerable.Repeat("mot", 20 + i % 7)) + ".");
        var text = string.Join("\n\n", paragraphs);
        var cuts = DocumentSplitter.Cuts(text, 1000);
        Assert.True(cuts.Count >= 3);
        foreach (var (start, end) in cuts)
        {
            Assert.True(end - start <= 1000);
            Assert.StartsWith("Paragraphe", text[start..end]);
            Assert.EndsWith(".", text[start..end]);
        }
        Assert.Equal(Squash(text), Squash(string.Join(" ", cuts.Select(c => text[c.Start..c.End]))));
    }

    [Fact]
    public void Cuts_TextWithoutSpaces_CutAtTheLimit()
    {
        var text = new string('x', 10_000);
        var cuts = DocumentSplitter.Cuts(text, 3000);
        Assert.Equal([(0, 3000), (3000, 6000), (6000, 9000), (9000, 10_000)], cuts);
    }

    [Fact]
    public void Read_OverTheLimit_SplitIntoPartsWithAWarning()
    {
        var body = string.Join("\n\n", Enumerable.Range(0, 30).Select(i => $"Des tirs ont visé Gao le {i + 1} mars, selon l'armée. " + new string('a', 100)));
        var items = Read.Text("long.txt", "date: 2019-03-30\n\n" + body, new ReaderOptions { MaxDocumentChars = 2048 });
        var warning = Assert.Single(items, i => i.Problem != null).Problem!;
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.StartsWith(ErrorCatalogue.Split.Code, warning.Message);
        var docs = items.Documents().ToList();
        Assert.True(docs.Count >= 2);
        Assert.Contains($"into {docs.Count} documents", warning.Message);
        Assert.Equal(Enumerable.Range(1, docs.Count).Select(i => $"long.part{i}"), docs.Select(d => d.Id));
        Assert.All(docs, d => Assert.True(d.Text.Length <= 2048));
        Assert.All(docs, d => Assert.Equal("2019-03-30", d.Published.ToString()));
    }

    [Fact]
    public void Read_WithinTheLimit_OneDocumentNoWarning()
    {
        var items = Read.Text("short.txt", "date: 2019-03-30\n\nDes tirs ont visé Gao samedi.");
        Assert.Null(Assert.Single(items).Problem);
    }

    /// <summary>
    /// 8 MB of French words in one file against 1 MB, read and extracted the way the command does: the time
    /// per MB may not grow more than 2.5 times (a quadratic step makes it 8 times or more).
    /// </summary>
    [Fact]
    public void Extraction_TimePerMegabyte_StaysFlatFrom1To8MB()
    {
        var pipeline = PipelineFactory.Create();
        var words = LexiconWords();
        RunAll(pipeline, Generate(words, 20_000, seed: 3)); // JIT and lexicons
        var one = Generate(words, 1 << 20, seed: 1);
        var eight = Generate(words, 8 << 20, seed: 2);
        var t1 = Math.Min(RunAll(pipeline, one), RunAll(pipeline, one));
        // (the least of two runs each, so that a burst of load on a shared machine does not read as growth)
        var t8 = Math.Min(RunAll(pipeline, eight), RunAll(pipeline, eight));
        var ratio = t8 / 8 / t1;
        output.WriteLine($"1 MB: {t1:0.00} s, 8 MB: {t8:0.00} s, time per MB 8 MB / 1 MB = {ratio:0.00}");
        Assert.True(ratio < 2.5, $"time per MB grows with size: 1 MB {t1:0.00} s, 8 MB {t8:0.00} s (ratio {ratio:0.00})");
    }

    private static double RunAll(Pipeline.Pipeline pipeline, string text)
    {
        var sw = Stopwatch.StartNew();
        var docs = 0;
        foreach (var item in Inputs.ReadStream("big.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)), new ReaderOptions()))
        {
            if (item.Document is not { } d) continue;
            pipeline.Run(d);
            docs++;
        }
        Assert.True(docs > 0);
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>Words of the French lexicons in random order, with sentences and paragraphs, about <paramref name="chars"/> long.</summary>
    private static string Generate(string[] words, int chars, int seed)
    {
        var rnd = new Random(seed);
        var sb = new StringBuilder("date: 2019-05-12\n\n", chars + 64);
        while (sb.Length < chars)
        {
            var w = words[rnd.Next(words.Length)];
            var r = rnd.NextDouble();
            if (r < 0.05) w = rnd.Next(1, 300).ToString(System.Globalization.CultureInfo.InvariantCulture);
            else if (r < 0.13) w = char.ToUpperInvariant(w[0]) + w[1..];
            sb.Append(w);
            r = rnd.NextDouble();
            sb.Append(r < 0.004 ? ".\n\n" : r < 0.06 ? ". " : r < 0.1 ? ", " : " ");
        }
        return sb.Append(".\n").ToString();
    }

    private static string[] LexiconWords()
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(DataPaths.Lang("fr"), "*.tsv"))
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith('#') || line.Length == 0) continue;
                foreach (var cell in line.Split('\t').Take(3))
                    foreach (var w in cell.Split(['|', ' '], StringSplitOptions.RemoveEmptyEntries))
                        if (w.All(c => char.IsLetter(c) || c is '\'' or '-') && w.Length > 1) set.Add(w);
            }
        return [.. set];
    }

    private static string Squash(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
