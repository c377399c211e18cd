using System.Text.Json;
using Vigie.Composition;
using Vigie.Json;
using Vigie.Model;

namespace Vigie.Tests.Json;

/// <summary>The hand-written JSONL writer gives the serializer's bytes, on gold records (with fields the model does
/// not know, kept as extension data) and on records extracted from the gold texts.</summary>
public class RecordWriterTests
{
    private static readonly Vigie.Pipeline.Pipeline Pipeline = PipelineFactory.CreateWithoutGeocoding();

    public static TheoryData<string> GoldFiles => new() { "seed.jsonl", "dev.jsonl", "dev2.jsonl" };

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void GoldRecords_SameBytesAsTheSerializer(string file)
    {
        foreach (var line in File.ReadLines(SharedPaths.Gold(file)).Where(l => l.Trim().Length > 0))
        {
            var record = VigieJson.Deserialize(line)!;
            Assert.Equal(JsonSerializer.Serialize(record, VigieJson.Options), RecordWriter.Serialize(record));
        }
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void ExtractedRecords_SameBytesAsTheSerializer(string file)
    {
        var i = 0;
        foreach (var line in File.ReadLines(SharedPaths.Gold(file)).Where(l => l.Trim().Length > 0))
        {
            var doc = RecordMapper.FromRecord(VigieJson.Deserialize(line)!, new Origin(file, i + 1));
            Pipeline.Run(doc);
            var record = RecordMapper.ToRecord(doc);
            Assert.Equal(JsonSerializer.Serialize(record, VigieJson.Options), RecordWriter.Serialize(record));
            // each event and each casualty report alone, as a store writes them
            foreach (var e in record.Events ?? []) Assert.Equal(JsonSerializer.Serialize(e, VigieJson.Options), RecordWriter.Serialize(e));
            foreach (var r in record.CasualtyReports ?? []) Assert.Equal(JsonSerializer.Serialize(r, VigieJson.Options), RecordWriter.Serialize(r));
            i++;
        }
        Assert.True(i > 0);
    }

    [Fact]
    public void NullsEscapesAndExtensionData_SameBytesAsTheSerializer()
    {
        var record = new DocumentRecord
        {
            Id = "a\"b\u00e9\u2028<>&",
            Text = "l'armée a tué \"12\" personnes\n\t\u0001 😀",
            Events = [new Event { Type = EventType.Riots, Sources = ["x", null], Location = new Location { Name = "Gao", Lat = 1.5e-7, Lon = -0.1 },
                FieldEvidence = new() { ["type"] = [new TextSpan(1, 2)], ["é"] = null! } }, null!],
            CasualtyReports = [new CasualtyReport { Scope = ReportScope.ConflictTotal, Period = new DateRange(PartialDate.OfYear(2020), PartialDate.OfMonth(2021, 3)),
                Figures = [new Figure { Outcome = Outcome.Displaced, Group = VictimGroup.NonStateArmed, Bound = Bound.MoreThan, Low = 3, Count = 4 }] }],
            DateResolved = new ResolvedDate { Date = PartialDate.Parse("2024-02-29"), Evidence = null!, Reason = "r" },
            Extra = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("{\"k\":[1,{\"z\":null}],\"w\":\"é\"}"),
        };
        Assert.Equal(JsonSerializer.Serialize(record, VigieJson.Options), RecordWriter.Serialize(record));
        Assert.Equal(JsonSerializer.Serialize(record.CasualtyReports[0], VigieJson.Options), RecordWriter.Serialize(record.CasualtyReports[0]));
        Assert.Equal(JsonSerializer.Serialize(record.Events[0], VigieJson.Options), RecordWriter.Serialize(record.Events[0]));
    }
}
