using System.Net;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Vigie.Web.Tests.Api;

/// <summary>/openapi/v1.json declares every parameter with its type, format and an example, and a reader of OpenAPI accepts it.</summary>
public sealed class OpenApiTests : IDisposable
{
    private readonly WebFactory _factory = new(new RecordingReader());

    public void Dispose() => _factory.Dispose();

    private async Task<string> DocumentAsync()
    {
        var response = await _factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static readonly (string Name, string Type, string Format)[] Filters =
    [
        ("country", "string", "country"), ("from", "string", "partial-date"), ("to", "string", "partial-date"),
        ("type", "string", "event-type"), ("subtype", "string", "event-subtype"), ("actor", "string", "name-part"),
        ("source", "string", "name-part"), ("bbox", "array", ""),
    ];

    private static readonly (string Name, string Type, string Format)[] Paging =
        [("page", "integer", "int32"), ("page_size", "integer", "int32"), ("after", "string", "page-key"), ("format", "string", "output-format")];

    public static TheoryData<string, string, string, string> Declared()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (name, type, format) in Filters.Concat(Paging)) data.Add("/api/events", name, type, format);
        foreach (var (name, type, format) in Filters) data.Add("/api/stats", name, type, format);
        data.Add("/api/events/{id}", "id", "string", "id");
        data.Add("/api/documents/{id}", "id", "string", "id");
        return data;
    }

    [Theory]
    [MemberData(nameof(Declared))]
    public async Task Parameter_IsDeclaredWithTypeFormatAndExample(string path, string name, string type, string format)
    {
        using var json = JsonDocument.Parse(await DocumentAsync());
        var parameters = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters");
        var matches = parameters.EnumerateArray().Where(p => p.GetProperty("name").GetString() == name).ToList();
        var p = Assert.Single(matches);
        Assert.Equal(name == "id" ? "path" : "query", p.GetProperty("in").GetString());
        var schema = p.GetProperty("schema");
        Assert.Equal(type, schema.GetProperty("type").GetString());
        if (format != "") Assert.Equal(format, schema.GetProperty("format").GetString());
        else Assert.Equal("double", schema.GetProperty("items").GetProperty("format").GetString());
        Assert.True(p.TryGetProperty("example", out _), $"{path} {name}: no example");
        Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Events_DeclaresNoOtherQueryParameter()
    {
        using var json = JsonDocument.Parse(await DocumentAsync());
        var names = json.RootElement.GetProperty("paths").GetProperty("/api/events").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order().ToArray();
        Assert.Equal(Filters.Concat(Paging).Select(f => f.Name).Order().ToArray(), names);
    }

    [Fact]
    public async Task Vocabulary_IsDeclaredWithItsAnswer()
    {
        using var json = JsonDocument.Parse(await DocumentAsync());
        var get = json.RootElement.GetProperty("paths").GetProperty("/api/vocabulary").GetProperty("get");
        Assert.Equal("GetVocabulary", get.GetProperty("operationId").GetString());
        var schema = get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
            schema = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/').Last());
        var properties = schema.GetProperty("properties");
        foreach (var name in new[] { "event_types", "event_subtypes", "actor_kinds", "modalities" })
            Assert.Equal("array", properties.GetProperty(name).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Events_AnswerSaysHowTotalAndNextAreKnown()
    {
        using var json = JsonDocument.Parse(await DocumentAsync());
        var get = json.RootElement.GetProperty("paths").GetProperty("/api/events").GetProperty("get");
        var schema = get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
            schema = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/').Last());
        var properties = schema.GetProperty("properties");
        Assert.Equal(Vigie.Web.Data.EventPage.TotalText, properties.GetProperty("total").GetProperty("description").GetString());
        Assert.Equal(Vigie.Web.Data.EventPage.NextText, properties.GetProperty("next").GetProperty("description").GetString());
        Assert.Contains("counted once per filter", get.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Document_ReadByAnOpenApiReader_HasTypedParametersAndNoErrors()
    {
        var text = await DocumentAsync();
        var result = OpenApiDocument.Parse(text, "json");
        Assert.Empty(result.Diagnostic?.Errors ?? []);
        var events = result.Document!.Paths["/api/events"].Operations![HttpMethod.Get];
        var to = events.Parameters!.Single(p => p.Name == "to");
        Assert.Equal(JsonSchemaType.String, to.Schema!.Type);
        Assert.Equal(@"^\d{4}(-\d{2}(-\d{2})?)?$", to.Schema.Pattern);
        var pageSize = events.Parameters!.Single(p => p.Name == "page_size");
        Assert.Equal(JsonSchemaType.Integer, pageSize.Schema!.Type);
        Assert.Equal("5000", pageSize.Schema.Maximum);
        var bbox = events.Parameters!.Single(p => p.Name == "bbox");
        Assert.Equal(ParameterStyle.Form, bbox.Style);
        Assert.False(bbox.Explode);
        Assert.Equal(JsonSchemaType.Number, bbox.Schema!.Items!.Type);
    }
}
