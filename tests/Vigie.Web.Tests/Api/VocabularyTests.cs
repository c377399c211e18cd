using System.Net;
using System.Text.Json;
using Vigie.Export;
using Vigie.Model;

namespace Vigie.Web.Tests.Api;

/// <summary>
/// GET /api/vocabulary serves Core's vocabulary — ACLED's wording of the types and subtypes from
/// <see cref="AcledVocabulary"/>, the codes the other endpoints return — and the page's scripts hold no copy of it.
/// </summary>
public sealed class VocabularyTests : IDisposable
{
    private readonly WebFactory _factory = new(new RecordingReader());

    public void Dispose() => _factory.Dispose();

    private async Task<JsonElement> VocabularyAsync()
    {
        var response = await _factory.CreateClient().GetAsync("/api/vocabulary");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static (string Code, string Label)[] Terms(JsonElement list) =>
        list.EnumerateArray().Select(t => (t.GetProperty("code").GetString()!, t.GetProperty("label").GetString()!)).ToArray();

    [Fact]
    public async Task EventTypes_AreCoresInItsWordsAndOrder()
    {
        var v = await VocabularyAsync();
        var expected = Enum.GetValues<EventType>().Select(t => (Code(t), AcledVocabulary.EventType(t))).ToArray();
        Assert.Equal(expected, Terms(v.GetProperty("event_types")));
        // ACLED's wording, which the page's own list (removed) had differently
        Assert.Contains(("explosions_remote_violence", "Explosions/Remote violence"), Terms(v.GetProperty("event_types")));
    }

    [Fact]
    public async Task Subtypes_AreCoresWithTheirType()
    {
        var v = await VocabularyAsync();
        var expected = Enum.GetValues<EventSubtype>().Select(s => (Code(s), AcledVocabulary.SubEventType(s), Code(Taxonomy.TypeOf(s)))).ToArray();
        var actual = v.GetProperty("event_subtypes").EnumerateArray()
            .Select(t => (t.GetProperty("code").GetString()!, t.GetProperty("label").GetString()!, t.GetProperty("type").GetString()!)).ToArray();
        Assert.Equal(expected, actual);
        Assert.Contains(("air_drone_strike", "Air/drone strike", "explosions_remote_violence"), actual);
    }

    [Fact]
    public async Task ActorKindsAndModalities_ListEveryValueOfTheModel()
    {
        var v = await VocabularyAsync();
        Assert.Equal(Enum.GetValues<ActorKind>().Select(Code).ToArray(), Terms(v.GetProperty("actor_kinds")).Select(t => t.Code).ToArray());
        Assert.Equal(Enum.GetValues<Modality>().Select(Code).ToArray(), Terms(v.GetProperty("modalities")).Select(t => t.Code).ToArray());
        Assert.Contains(("state_forces", "State forces"), Terms(v.GetProperty("actor_kinds")));
        Assert.All(Terms(v.GetProperty("actor_kinds")).Concat(Terms(v.GetProperty("modalities"))), t => Assert.False(string.IsNullOrWhiteSpace(t.Label)));
    }

    [Fact]
    public void PageScripts_HoldNoCopyOfTheLabels()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var scripts = Directory.EnumerateFiles(root, "*.js", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).StartsWith("vendor", StringComparison.Ordinal)).ToList();
        Assert.Contains(scripts, f => Path.GetFileName(f) == "vocabulary.js");
        // the labels of more than one word are specific enough to be found if a list came back
        var labels = Enum.GetValues<EventType>().Select(AcledVocabulary.EventType)
            .Concat(Enum.GetValues<EventSubtype>().Select(AcledVocabulary.SubEventType))
            .Where(l => l.Contains(' ') || l.Contains('/')).ToList();
        Assert.NotEmpty(labels);
        foreach (var file in scripts)
        {
            var text = File.ReadAllText(file);
            foreach (var label in labels)
                Assert.False(text.Contains(label, StringComparison.OrdinalIgnoreCase), $"{Path.GetRelativePath(root, file)} holds the label '{label}'");
        }
    }
}
