using Vigie.Composition;
using Vigie.Extraction.Finders;
using Vigie.Geo;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Tests.Finders;

namespace Vigie.Tests.Assembly;

/// <summary>
/// Casualty figures read by the whole pipeline (no geocoding) from sentences written for the tests, one per row of
/// tests/corpus/&lt;lang&gt;/figures.tsv: outcome, group, count, bound and source of every figure, negatives included.
/// </summary>
public class FigureCorpusTests
{
    private static readonly Vigie.Pipeline.Pipeline Pipeline = PipelineFactory.CreateWithoutGeocoding();

    public static IEnumerable<object[]> Figures() => FinderHarness.Corpus("en", "figures.tsv");

    [Theory]
    [MemberData(nameof(Figures))]
    public void Pipeline_CorpusRow_FindsExpectedFigures(string row, string text, string expected)
    {
        var doc = new Document("test", text) { Language = row[..2], Published = PartialDate.Parse("2024-03-12") };
        Pipeline.Run(doc);
        var got = FinderHarness.Render(ExtractionResult.For(doc).CasualtyReports.SelectMany(r => r.Figures.Select(f =>
            $"{FinderData.SnakeCase(f.Outcome.ToString())}|{FinderData.SnakeCase(f.Group.ToString())}|{f.Count}|{FinderData.SnakeCase(f.Bound.ToString())}|{r.Source ?? "null"}")));
        Assert.True(expected == got, $"{row}: expected {expected}, got {got}");
    }
}
