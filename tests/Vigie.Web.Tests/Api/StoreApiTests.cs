using System.Net;
using System.Text.Json;

namespace Vigie.Web.Tests.Api;

/// <summary>A database built by <see cref="TestStore"/>, shared by the tests of one class.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigie-web-api-" + Guid.NewGuid().ToString("N"));

    public string Database { get; private set; } = "";

    public async Task InitializeAsync() => Database = await TestStore.CreateAsync(_dir);

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}

/// <summary>The API over a real database: filters, paging, GeoJSON, details, documents, stats — and injection strings in every filter.</summary>
public sealed class StoreApiTests(StoreFixture store) : IClassFixture<StoreFixture>, IDisposable
{
    private readonly WebFactory _factory = new(store.Database);

    public void Dispose() => _factory.Dispose();

    private async Task<JsonElement> GetJson(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _factory.CreateClient().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string[] Places(JsonElement page) =>
        page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("location").GetProperty("name").GetString()!).Order().ToArray();

    [Theory]
    [InlineData("", new[] { "Douma", "Gao", "Mosul" })]
    [InlineData("?country=SY", new[] { "Douma" })]
    [InlineData("?country=ml", new[] { "Gao" })]
    [InlineData("?type=explosions_remote_violence", new[] { "Douma", "Mosul" })]
    [InlineData("?subtype=armed_clash", new[] { "Gao" })]
    [InlineData("?from=2020", new[] { "Gao", "Mosul" })]
    [InlineData("?to=2019-03-02", new[] { "Douma" })]
    [InlineData("?to=2020-06", new[] { "Douma", "Gao" })]        // a month covers the whole month: 13 June is in
    [InlineData("?from=2020-06&to=2020-06", new[] { "Gao" })]
    [InlineData("?to=2020-06-12", new[] { "Douma" })]
    [InlineData("?from=2021&to=2021", new[] { "Mosul" })]        // a year covers the whole year
    [InlineData("?from=2019-03-03&to=2020-06-12", new string[0])]
    [InlineData("?actor=military%20forces", new[] { "Douma", "Gao" })]
    [InlineData("?actor=POLICE", new[] { "Mosul" })]
    [InlineData("?source=osdh", new[] { "Douma" })]
    [InlineData("?bbox=42,35,45,37.5", new[] { "Mosul" })]
    [InlineData("?bbox=-10,0,50,40&type=battles", new[] { "Gao" })]
    public async Task Events_Filter_SelectsTheMatchingEvents(string query, string[] expected)
    {
        var page = await GetJson("/api/events" + query);
        Assert.Equal(expected, Places(page));
        Assert.Equal(expected.Length, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Events_Paging_WalksEveryEventOnce()
    {
        var seen = new List<string>();
        for (var p = 1; p <= 3; p++)
        {
            var page = await GetJson($"/api/events?page_size=1&page={p}");
            Assert.Equal(3, page.GetProperty("total").GetInt64());
            seen.Add(Assert.Single(page.GetProperty("events").EnumerateArray().ToList()).GetProperty("id").GetString()!);
        }
        Assert.Equal(3, seen.Distinct().Count());
        var after = await GetJson("/api/events?page_size=1&page=4");
        Assert.Empty(after.GetProperty("events").EnumerateArray());
        Assert.Equal(3, after.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Events_GeoJson_IsAFeatureCollectionOfPointsLonLat()
    {
        var fc = await GetJson("/api/events?format=geojson&country=SY");
        Assert.Equal("FeatureCollection", fc.GetProperty("type").GetString());
        var feature = Assert.Single(fc.GetProperty("features").EnumerateArray().ToList());
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        Assert.Equal([36.4022, 33.5722], coordinates);
        Assert.Equal("air_drone_strike", feature.GetProperty("properties").GetProperty("subtype").GetString());
    }

    [Fact]
    public async Task Event_Detail_HasClaimsAndTheEvidenceSentence()
    {
        var id = (await GetJson("/api/events?country=SY")).GetProperty("events")[0].GetProperty("id").GetString();
        var detail = await GetJson($"/api/events/{id}");
        var ev = detail.GetProperty("event");
        Assert.Equal(12, ev.GetProperty("fatalities").GetProperty("best").GetInt64());
        var claim = Assert.Single(detail.GetProperty("claims").EnumerateArray().ToList());
        Assert.Equal("OSDH", claim.GetProperty("source").GetString());
        Assert.Equal(12, claim.GetProperty("fatalities").GetInt64());
        var mention = Assert.Single(detail.GetProperty("mentions").EnumerateArray().ToList());
        Assert.Equal("test-douma", mention.GetProperty("document_name").GetString());
        var sentence = mention.GetProperty("sentences")[0];
        var text = sentence.GetProperty("text").GetString()!;
        Assert.Contains(TestStore.DoumaSentence, text);
        Assert.DoesNotContain("Les secours", text);
        var start = sentence.GetProperty("start").GetInt32();
        foreach (var h in sentence.GetProperty("highlights").EnumerateArray())
        {
            var (a, b) = (h[0].GetInt32(), h[1].GetInt32());
            Assert.InRange(a, start, start + text.Length);
            Assert.InRange(b, a, start + text.Length);
        }
        Assert.Contains(sentence.GetProperty("highlights").EnumerateArray(),
            h => TestStore.DoumaText[h[0].GetInt32()..h[1].GetInt32()] == "au moins 12 civils");
    }

    [Fact]
    public async Task Document_HasTheTextAndSpansLinkedToTheirEvent()
    {
        var eventId = (await GetJson("/api/events?country=IQ")).GetProperty("events")[0].GetProperty("id").GetString();
        var mention = (await GetJson($"/api/events/{eventId}")).GetProperty("mentions")[0];
        var doc = await GetJson($"/api/documents/{mention.GetProperty("document_id").GetString()}");
        Assert.Equal(TestStore.ScriptText, doc.GetProperty("text").GetString());
        var span = Assert.Single(doc.GetProperty("spans").EnumerateArray().ToList());
        Assert.Equal(eventId, span.GetProperty("event_id").GetString());
        Assert.StartsWith("<script>", TestStore.ScriptText[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()]);
        // the input's own id finds the same document
        var byName = await GetJson("/api/documents/test-mosul-markup");
        Assert.Equal(doc.GetProperty("id").GetString(), byName.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Document_GivesTheInferredPublicationDay_OnlyWhereThereIsOne()
    {
        var gao = await GetJson("/api/documents/test-gao");
        Assert.Equal("2020-06", gao.GetProperty("date").GetString());
        Assert.Equal(TestStore.GaoInferredDay, gao.GetProperty("date_resolved").GetString());
        var mosul = await GetJson("/api/documents/test-mosul-markup");
        Assert.Equal("2021-05-09", mosul.GetProperty("date").GetString());
        Assert.True(!mosul.TryGetProperty("date_resolved", out var none) || none.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Stats_CountsAddUpUnderAFilter()
    {
        var all = await GetJson("/api/stats");
        Assert.Equal(3, all.GetProperty("events").GetInt64());
        Assert.Equal(18, all.GetProperty("fatalities").GetInt64());
        Assert.Equal(3, all.GetProperty("by_type").EnumerateArray().Sum(r => r.GetProperty("events").GetInt64()));
        Assert.Equal(["2019-03-02", "2020-06-13", "2021-05-09"], all.GetProperty("by_day").EnumerateArray().Select(r => r.GetProperty("key").GetString()!).ToArray());
        var explosions = await GetJson("/api/stats?type=explosions_remote_violence");
        Assert.Equal(2, explosions.GetProperty("events").GetInt64());
        Assert.Equal(["IQ", "SY"], explosions.GetProperty("by_country").EnumerateArray().Select(r => r.GetProperty("key").GetString()!).Order().ToArray());
    }

    public static TheoryData<string> Injections => new()
    {
        "' OR '1'='1",
        "x' OR 1=1 --",
        "\"; DROP TABLE events; --",
        "%",
        "_",
        "\\",
        "%' UNION SELECT text FROM documents --",
        "1); DELETE FROM events; --",
        "*/ OR 1=1 /*",
        "' || (SELECT sqlite_version()) || '",
    };

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Filters_InjectionStrings_AreDataNotSql(string attack)
    {
        var q = Uri.EscapeDataString(attack);
        // free-text filters: matched as data, so nothing matches and nothing breaks (or refused when no letter or digit is left)
        foreach (var name in new[] { "actor", "source" })
        {
            if (!attack.Any(char.IsLetterOrDigit))
            {
                await GetJson($"/api/events?{name}={q}", HttpStatusCode.BadRequest);
                continue;
            }
            var page = await GetJson($"/api/events?{name}={q}");
            Assert.Equal(0, page.GetProperty("total").GetInt64());
            Assert.Equal(0, (await GetJson($"/api/stats?{name}={q}")).GetProperty("events").GetInt64());
        }
        // strictly formed filters: refused
        foreach (var name in new[] { "country", "from", "to", "type", "subtype", "bbox", "page", "page_size", "format" })
            await GetJson($"/api/events?{name}={q}", HttpStatusCode.BadRequest);
        // ids: refused or not found, never an error
        var status = (await _factory.CreateClient().GetAsync($"/api/events/{q}")).StatusCode;
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{status}");
        status = (await _factory.CreateClient().GetAsync($"/api/documents/{q}")).StatusCode;
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{status}");
        // and the store is intact
        Assert.Equal(3, (await GetJson("/api/events")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Health_OverARealDatabase_IsOk()
    {
        var health = await GetJson("/api/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_WithoutDatabase_Is503WithTheReason()
    {
        using var factory = new WebFactory(Path.Combine(Path.GetTempPath(), "vigie-missing-" + Guid.NewGuid().ToString("N"), "none.db"));
        var response = await factory.CreateClient().GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("VIG-S001", await response.Content.ReadAsStringAsync());
    }
}
