using Vigie.Composition;
using Vigie.Extraction.Finders;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Tests.Finders;

namespace Vigie.Tests.Assembly;

/// <summary>
/// One-event news snippets of tests/corpus/&lt;lang&gt;/snippets.tsv (text, expected ACLED subtype), read by the whole pipeline with
/// the installed gazetteer. A snippet is right when its first event has the expected subtype. The accuracy per language must
/// stay above the floor, and every subtype must be right at least once (docs/ACCURACY.md gives the figures).
/// </summary>
public class SnippetCorpusTests
{
    private const double Floor = 0.75;
    private static readonly Vigie.Pipeline.Pipeline Pipeline = PipelineFactory.Create();

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Pipeline_Snippets_ReachFloorAndEverySubtype(string lang)
    {
        var rows = FinderHarness.Corpus(lang, "snippets.tsv").ToList();
        Assert.True(rows.Count >= 50, $"{lang}: only {rows.Count} snippets");
        var right = new Dictionary<string, int>();
        var wrong = new List<string>();
        foreach (var r in rows)
        {
            var (row, text, expected) = ((string)r[0], (string)r[1], (string)r[2]);
            var doc = new Document(row, text) { Language = lang, Published = PartialDate.Parse("2024-03-12") };
            Pipeline.Run(doc);
            var first = ExtractionResult.For(doc).Events.OrderBy(e => e.Evidence.Count > 0 ? e.Evidence[0].Start : 0).FirstOrDefault();
            var got = first?.Subtype is { } st ? FinderData.SnakeCase(st.ToString()) : "-";
            right.TryAdd(expected, 0);
            if (got == expected) right[expected]++;
            else wrong.Add($"{row}: expected {expected}, got {got}");
        }
        var accuracy = (double)right.Values.Sum() / rows.Count;
        var never = right.Where(kv => kv.Value == 0).Select(kv => kv.Key).ToList();
        Assert.True(right.Count == 25, $"{lang}: {right.Count} subtypes in the corpus, 25 expected");
        Assert.True(accuracy >= Floor && never.Count == 0,
            $"{lang}: accuracy {accuracy:0.00} (floor {Floor}); never right: {string.Join(", ", never)}\n{string.Join("\n", wrong)}");
    }
}
