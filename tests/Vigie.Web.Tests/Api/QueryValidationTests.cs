using System.Net;
using System.Text.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Web.Tests.Api;

/// <summary>The filters of /api/events and /api/stats: what is accepted, how it is normalised, and the 400s.</summary>
public sealed class QueryValidationTests : IDisposable
{
    private readonly RecordingReader _reader = new();
    private readonly WebFactory _factory;
    private readonly HttpClient _client;

    public QueryValidationTests()
    {
        _factory = new WebFactory(_reader);
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Events_ValidFilters_ReachTheReaderNormalised()
    {
        var response = await _client.GetAsync("/api/events?country=sy&from=2018-04&to=2018-04-30&type=battles&subtype=armed_clash" +
                                              "&actor=%C3%89tat%20islamique&source=OSDH&bbox=35.5,32.5,37.5,34.5&page=3&page_size=50");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var q = _reader.LastQuery!;
        Assert.Equal("SY", q.Country);
        Assert.Equal(PartialDate.OfMonth(2018, 4), q.From);
        Assert.Equal(PartialDate.Parse("2018-04-30"), q.To);
        Assert.Equal(EventType.Battles, q.Type);
        Assert.Equal(EventSubtype.ArmedClash, q.Subtype);
        Assert.Equal("État islamique", q.Actor);
        Assert.Equal("OSDH", q.Source);
        Assert.Equal(new GeoBox(35.5, 32.5, 37.5, 34.5), q.Box);
        Assert.Equal((3, 50), _reader.LastPaging);
    }

    [Theory]
    [InlineData("Syria", "SY")]
    [InlineData("Syrie", "SY")]
    [InlineData("SYR", "SY")]
    [InlineData("burkina%20faso", "BF")]
    public async Task Events_CountryNameOrAlpha3_ResolvedToTheCodeAsOnTheCommandLine(string value, string code)
    {
        var response = await _client.GetAsync($"/api/events?country={value}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(code, _reader.LastQuery!.Country);
        Assert.True(Vigie.Storage.CountryFilter.TryParse(Uri.UnescapeDataString(value), out var cli, out _));
        Assert.Equal(code, cli);
    }

    [Fact]
    public async Task Events_YearOrMonthDates_CoverTheWholePeriod()
    {
        await _client.GetAsync("/api/events?from=2017&to=2018-02");
        Assert.Equal(new DateOnly(2017, 1, 1), _reader.LastQuery!.From!.Value.First);
        Assert.Equal(new DateOnly(2018, 2, 28), _reader.LastQuery!.To!.Value.Last);
    }

    [Fact]
    public async Task Events_NoParameters_UseTheDefaultPage()
    {
        await _client.GetAsync("/api/events");
        Assert.Equal((1, Vigie.Web.Api.QueryParser.DefaultPageSize), _reader.LastPaging);
        Assert.Equal(new EventFilter(), _reader.LastQuery);
    }

    [Theory]
    [InlineData("country=Atlantis", "country")]
    [InlineData("country=S1", "country")]
    [InlineData("from=2018-13", "from")]
    [InlineData("from=2018-02-30", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2018-05-01&to=2018-04-01", "to")]
    [InlineData("type=war", "type")]
    [InlineData("subtype=nope", "subtype")]
    [InlineData("type=protests&subtype=armed_clash", "subtype")]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("bbox=10,0,5,1", "bbox")]
    [InlineData("bbox=0,-91,1,1", "bbox")]
    [InlineData("bbox=NaN,0,1,1", "bbox")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page_size=5001", "page_size")]
    [InlineData("page_size=1e3", "page_size")]
    [InlineData("format=xml", "format")]
    [InlineData("contry=SY", "contry")]
    [InlineData("country=SY&country=IQ", "country")]
    [InlineData("actor=a%00b", "actor")]
    [InlineData("source=%25%25", "source")]
    public async Task Events_BadParameter_Returns400NamingIt(string query, string parameter)
    {
        var response = await _client.GetAsync("/api/events?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), $"errors should name '{parameter}'");
        Assert.Null(_reader.LastQuery);
    }

    [Fact]
    public async Task Events_TextFilterTooLong_Returns400()
    {
        var response = await _client.GetAsync("/api/events?actor=" + new string('x', 101));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Events_QueryStringTooLong_Returns414Problem()
    {
        var response = await _client.GetAsync("/api/events?actor=a&source=" + new string('x', 3000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Stats_PagingParameters_AreRejected()
    {
        var response = await _client.GetAsync("/api/stats?page=2");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Stats_Filters_ReachTheReader()
    {
        var response = await _client.GetAsync("/api/stats?country=iq&type=riots");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("IQ", _reader.LastQuery!.Country);
        Assert.Equal(EventType.Riots, _reader.LastQuery!.Type);
    }

    [Theory]
    [InlineData("/api/events/a%20b")]
    [InlineData("/api/events/..%2F..%2Fetc")]
    [InlineData("/api/documents/x';DROP%20TABLE%20events;--")]
    public async Task Get_BadId_Returns400(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/events/12345")]
    [InlineData("/api/documents/no-such-doc")]
    public async Task Get_UnknownId_Returns404Problem(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
