using Vigie.Json;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text.Analysis;
using Vigie.Text;
using Vigie.Numbers;
using Vigie.Time;

namespace Vigie.Tests.Time;

/// <summary>Runs the number and time components on every gold document and compares the resolved publication date.</summary>
public class PublicationDayGoldTests
{
    private static readonly Pipeline.Pipeline Pipe = new([new Tokenizer(), new LanguageGuesser(), new NumberRecognizer(), new TimeRecognizer()]);

    public static TheoryData<string, string> GoldDocuments()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "seed.jsonl", "dev.jsonl", "dev2.jsonl" })
            foreach (var line in File.ReadLines(SharedPaths.Gold(file)).Where(l => l.Trim().Length > 0))
                data.Add(file, VigieJson.Deserialize(line)!.Id);
        return data;
    }

    private static DocumentRecord Load(string file, string id) =>
        File.ReadLines(SharedPaths.Gold(file)).Where(l => l.Trim().Length > 0).Select(l => VigieJson.Deserialize(l)!).Single(r => r.Id == id);

    [Theory]
    [MemberData(nameof(GoldDocuments))]
    public void Process_GoldDocument_ResolvesPublicationDayAsGold(string file, string id)
    {
        var gold = Load(file, id);
        var doc = Pipe.Run(RecordMapper.FromRecord(gold, new Origin(file, 0)));
        var result = ExtractionResult.For(doc);
        Assert.Equal(gold.DateResolved?.Date.ToString(), result.DateResolved?.Date.ToString());
        if (result.DateResolved is { } found)
        {
            Assert.NotEmpty(found.Evidence);
            Assert.All(found.Evidence, s => Assert.True(s.IsValidFor(doc.Text)));
            Assert.Equal(found.Date.First, result.PublicationDay);
            // every gold evidence span overlaps one of ours
            Assert.All(gold.DateResolved!.Evidence, g => Assert.Contains(found.Evidence, s => s.Overlaps(g)));
        }
        else if (doc.Published is { Precision: not DatePrecision.Day })
            Assert.Contains(result.Notes, n => n.StartsWith("publication day:", StringComparison.Ordinal));
    }
}
