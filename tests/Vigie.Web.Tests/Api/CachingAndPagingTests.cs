using System.Net;
using System.Text.Json;
using Vigie.Model;
using Vigie.Storage;
using Vigie.Storage.Sqlite;
using Vigie.Web.Api;
using Vigie.Web.Data;
using Vigie.Web.Hosting;

namespace Vigie.Web.Tests.Api;

/// <summary>A database of the test dispatches and samples/, built once for the class.</summary>
public sealed class SamplesFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigie-web-keys-" + Guid.NewGuid().ToString("N"));

    public string Database { get; private set; } = "";

    public async Task InitializeAsync() => Database = await TestStore.CreateAsync(_dir, withSamples: true);

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}

/// <summary>Keyset pages (after/next), ETags and 304s per data version, and the GeoJSON written feature by feature.</summary>
public sealed class CachingAndPagingTests(SamplesFixture samples) : IClassFixture<SamplesFixture>, IDisposable
{
    private readonly WebFactory _factory = new(samples.Database);

    public void Dispose() => _factory.Dispose();

    private async Task<JsonElement> GetJson(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static IEnumerable<string> Ids(JsonElement page, string list = "events") =>
        page.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("id").GetString()!);

    [Theory]
    [InlineData("")]
    [InlineData("&country=SY")]
    [InlineData("&type=battles")]
    [InlineData("&from=2019-05&to=2019-08")]
    public async Task Events_FollowingNext_ListsEveryEventOnceInListingOrder(string filter)
    {
        var all = await GetJson($"/api/events?page_size=5000{filter}");
        var expected = Ids(all).ToList();
        Assert.True(expected.Count > 7 || filter.Length > 0, $"only {expected.Count} events");
        Assert.Null(all.GetProperty("next").GetString());

        var walked = new List<string>();
        var pages = 0;
        string? next = null;
        do
        {
            var page = await GetJson($"/api/events?page_size=3{filter}" + (next == null ? "" : "&after=" + next));
            Assert.Equal(expected.Count, page.GetProperty("total").GetInt64());
            Assert.Equal(pages == 0 ? 1 : 0, page.GetProperty("page").GetInt32());
            walked.AddRange(Ids(page));
            next = page.GetProperty("next").GetString();
            pages++;
            Assert.True(pages <= expected.Count / 3 + 2, "next never ends");
        } while (next != null);
        Assert.Equal(expected, walked);
        Assert.Equal(Math.Max(1, (expected.Count + 2) / 3), pages);
    }

    [Fact]
    public async Task Events_AfterAsGeoJson_GivesTheFeaturesOfTheSamePage()
    {
        var first = await GetJson("/api/events?page_size=4");
        var next = first.GetProperty("next").GetString()!;
        var json = await GetJson("/api/events?page_size=4&after=" + next);
        var geo = await GetJson("/api/events?page_size=4&format=geojson&after=" + next);
        Assert.Equal(Ids(json), Ids(geo, "features"));
        Assert.Equal(json.GetProperty("next").GetString(), geo.GetProperty("next").GetString());
        Assert.DoesNotContain(Ids(first).First(), Ids(json));
    }

    [Theory]
    [InlineData("after=2019-05-20")]
    [InlineData("after=yesterday.3")]
    [InlineData("after=2019-02-30.4")]
    [InlineData("after=2019-05-20.4&page=2")]
    public async Task Events_BadAfter_IsA400NamingIt(string query)
    {
        var response = await _factory.CreateClient().GetAsync("/api/events?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("after", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Events_GeoJson_IsWrittenAsTheFeatureCollectionIsSerialised()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        VigieWebHost.Configure(options);
        var events = Enumerable.Range(0, GeoJson.FeaturesPerChunk * 2 + 5).Select(i => new EventSummary
        {
            Id = $"ev-{i:D4}", Type = EventType.Battles, Subtype = EventSubtype.ArmedClash, DateStart = "2020-01-02",
            Location = i % 3 == 0 ? null : new PlaceView($"Lieu {i}", "ML", null, 14 + i / 100.0, -3 - i / 100.0, 1),
            Sources = ["AFP"], Fatalities = i % 2 == 0 ? null : new Fatalities(1, 2, 3),
        }).ToList();
        foreach (var next in new[] { null, "2020-01-02.17" })
        {
            var page = new EventPage(1234, 2, 500, events) { Next = next };
            using var body = new MemoryStream();
            var copy = new System.Buffers.ArrayBufferWriter<byte>();
            await GeoJson.WriteAsync(body, page, options, copy, CancellationToken.None);
            var expected = JsonSerializer.SerializeToUtf8Bytes(GeoJson.From(page), options);
            Assert.Equal(expected, body.ToArray());
            Assert.Equal(expected, copy.WrittenSpan.ToArray());
        }
    }
}

/// <summary>ETags name the data version: a 304 while it holds, a new answer and ETag once a write changes it.</summary>
public sealed class ETagTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigie-web-etag-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Theory]
    [InlineData("/api/events?country=ML")]
    [InlineData("/api/events?format=geojson&page_size=2")]
    public async Task Events_IfNoneMatch_Is304UntilTheDataChanges(string path)
    {
        var db = await TestStore.CreateAsync(_dir);
        using var factory = new WebFactory(db);
        var client = factory.CreateClient();

        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        var body = await first.Content.ReadAsStringAsync();

        // the same request again: the same bytes and ETag (kept), and a 304 without a body when revalidated
        var again = await client.GetAsync(path);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal(body, await again.Content.ReadAsStringAsync());
        var other = await client.GetAsync(path + "&page_size=1");
        Assert.NotEqual(etag, other.Headers.ETag);

        var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // a new event in Mali: the old ETag no longer matches, the answer has the new event
        using (var store = SqliteStore.Open(db))
        {
            const string text = "Des hommes armés ont attaqué un camp près de Mopti, selon l'armée.";
            var e = new Event
            {
                Type = EventType.Battles, Subtype = EventSubtype.ArmedClash, Date = DateRange.Single(PartialDate.Parse("2020-07-01")),
                Location = new Location { Name = "Mopti", Country = "ML", Lat = 14.49, Lon = -4.19, Precision = 1 },
                Evidence = [new TextSpan(0, text.Length)],
            };
            var doc = new Document("etag-mopti", text) { Language = "fr", Published = PartialDate.Parse("2020-07-02") };
            store.WriteBatch([new Extracted(doc, new DocumentRecord { Id = doc.Id, Text = text, Events = [e] })], "etag");
            store.Update();
        }
        var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        var total = JsonDocument.Parse(await changed.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt64();
        Assert.Equal(JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt64() + 1, total);
    }
}
