using Vigie.Model;
using Vigie.Numbers;
using Vigie.Pipeline;
using Vigie.Text.Analysis;
using Vigie.Text;
using Vigie.Time;

namespace Vigie.Tests.Time;

/// <summary>Runs tests/corpus/{fr,en}/time-publication.tsv: the publication day inferred from each text, or none.</summary>
public class PublicationDayCorpusTests
{
    private static readonly Pipeline.Pipeline Pipe = new([new Tokenizer(), new NumberRecognizer(), new TimeRecognizer()]);

    public static TheoryData<string, int> Cases => CorpusFile.Rows("time-publication.tsv", "fr", "en");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Infer_CorpusRow_GivesExpectedDayOrNote(string lang, int line)
    {
        var row = CorpusFile.Row(lang, "time-publication.tsv", line);
        var text = row["text"].Replace("\\n", "\n");
        var published = PartialDate.Parse(row["published"]);
        var doc = Pipe.Run(new Document("corpus", text) { Language = lang, Published = published });
        var result = ExtractionResult.For(doc);
        var what = $"{lang}/time-publication.tsv:{line} → {result.DateResolved?.Date.ToString() ?? "none"} ({string.Join(" | ", result.Notes)})";
        var expected = row["expected"];
        if (expected == "none")
        {
            Assert.True(result.DateResolved == null, what);
            if (published.Precision != DatePrecision.Day)
                Assert.True(result.Notes.Any(n => n.StartsWith("publication day:", StringComparison.Ordinal)), what);
            else Assert.True(result.PublicationDay == published.First, what);
            return;
        }
        Assert.True(result.DateResolved?.Date.ToString() == expected, what);
        Assert.True(result.PublicationDay?.ToString("yyyy-MM-dd") == expected, what);
        Assert.True(result.DateResolved!.Evidence.Count > 0 && result.DateResolved.Evidence.All(s => s.IsValidFor(text)), what);
    }
}
