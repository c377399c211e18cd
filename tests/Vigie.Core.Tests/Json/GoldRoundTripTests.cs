using System.Text.Json.Nodes;
using Vigie.Json;
using Vigie.Model;

namespace Vigie.Tests.Json;

public class GoldRoundTripTests
{
    public static TheoryData<string> GoldFiles => new() { "seed.jsonl", "dev.jsonl" };

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Deserialize_ThenSerialize_KeepsEveryNonNullValue(string file)
    {
        var lines = File.ReadAllLines(SharedPaths.Gold(file)).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var record = VigieJson.Deserialize(line)!;
            var again = VigieJson.Serialize(record);
            var expected = StripNulls(JsonNode.Parse(line)!);
            var actual = StripNulls(JsonNode.Parse(again)!);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{record.Id}: round trip differs\nexpected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
        }
    }

    [Fact]
    public void Deserialize_Seed_ReadsTypedValues()
    {
        var record = VigieJson.Deserialize(File.ReadLines(SharedPaths.Gold("seed.jsonl")).First())!;
        Assert.Equal("2018-04", record.Date);
        Assert.Equal(PartialDate.Parse("2018-04-27"), record.DateResolved!.Date);
        var first = record.Events![0];
        Assert.Equal(EventType.Battles, first.Type);
        Assert.Equal(EventSubtype.GovernmentRegainsTerritory, first.Subtype);
        Assert.Equal(ActorKind.StateForces, first.Actor1!.Kind);
        var osdh = record.CasualtyReports!.First(r => r.Source == "OSDH");
        Assert.Equal(ReportScope.Period, osdh.Scope);
        Assert.Contains(osdh.Figures, f => f.Count == 74 && f.Bound == Bound.AtLeast && f.Group == VictimGroup.GovernmentForces);
        foreach (var span in record.Events.SelectMany(e => e.Evidence))
            Assert.True(span.IsValidFor(record.Text));
    }

    [Theory]
    [InlineData("{\"id\":\"x\",\"text\":\"t\",\"events\":[{\"type\":\"not_a_type\"}]}")]
    [InlineData("{\"id\":\"x\",\"text\":\"t\",\"events\":[{\"type\":\"battles\",\"evidence\":[[5,2]]}]}")]
    [InlineData("{\"id\":\"x\",\"text\":\"t\",\"date_resolved\":{\"date\":\"2018-13\"}}")]
    public void Deserialize_InvalidValues_Throws(string json) =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => VigieJson.Deserialize(json));

    private static JsonNode StripNulls(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var kv in o.ToList())
                {
                    if (kv.Value is null) o.Remove(kv.Key);
                    else StripNulls(kv.Value);
                }
                break;
            case JsonArray a:
                foreach (var item in a) if (item != null) StripNulls(item);
                break;
        }
        return node;
    }
}
