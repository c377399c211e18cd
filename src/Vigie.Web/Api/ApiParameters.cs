using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Vigie.Model;

namespace Vigie.Web.Api;

/// <summary>One query or path parameter as /openapi/v1.json declares it: its type, format, bounds and an example.</summary>
public sealed record ApiParameter(string Name, ParameterLocation In, string Description, Func<OpenApiSchema> Schema, JsonNode Example)
{
    /// <summary>For a comma-separated list written in one value (bbox=w,s,e,n): style form, not exploded.</summary>
    public bool CommaSeparated { get; init; }
}

/// <summary>Endpoint metadata: the parameters of one endpoint, read by <see cref="ApiParameters.Transformer"/>.</summary>
public sealed record DeclaredParameters(IReadOnlyList<ApiParameter> Parameters);

/// <summary>
/// The parameters of the API, declared once with their types so that /openapi/v1.json lists them
/// (the handlers read the raw query string through <see cref="QueryParser"/>, which the generator cannot see).
/// </summary>
public static class ApiParameters
{
    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD; a month or a year covers all its days.</summary>
    public const string PartialDateFormat = "partial-date";
    public const string PartialDatePattern = @"^\d{4}(-\d{2}(-\d{2})?)?$";

    private static OpenApiSchema Text(int maxLength, string? pattern = null, string? format = null) =>
        new() { Type = JsonSchemaType.String, MaxLength = maxLength, Pattern = pattern, Format = format };

    private static OpenApiSchema Choice<T>(string format) where T : struct, Enum => new()
    {
        Type = JsonSchemaType.String,
        Format = format,
        Enum = Enum.GetValues<T>().Select(v => (JsonNode)JsonValue.Create(QueryParser.Name(v))!).ToList(),
    };

    private static OpenApiSchema Whole(int min, int max, int @default) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = min.ToString(CultureInfo.InvariantCulture),
        Maximum = max.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(@default),
    };

    public static readonly IReadOnlyList<ApiParameter> Filters =
    [
        new("country", ParameterLocation.Query,
            "Country: an ISO 3166 alpha-2 or alpha-3 code, or a name in English or French (Syria, Syrie).",
            () => Text(QueryParser.MaxTextFilterLength, format: "country"), "SY"),
        new("from", ParameterLocation.Query,
            "Events ending on or after this date: YYYY, YYYY-MM or YYYY-MM-DD; a month or a year starts on its first day.",
            () => Text(10, PartialDatePattern, PartialDateFormat), "2019-05"),
        new("to", ParameterLocation.Query,
            "Events starting on or before this date: YYYY, YYYY-MM or YYYY-MM-DD; a month or a year reaches its last day (2019-08 includes 31 August).",
            () => Text(10, PartialDatePattern, PartialDateFormat), "2019-08"),
        new("type", ParameterLocation.Query, "ACLED event type, snake_case.", () => Choice<EventType>("event-type"), "battles"),
        new("subtype", ParameterLocation.Query, "ACLED sub-event type, snake_case; must belong to 'type' when both are given.",
            () => Choice<EventSubtype>("event-subtype"), "air_drone_strike"),
        new("actor", ParameterLocation.Query, "Part of an actor's name (either role), any case.",
            () => Text(QueryParser.MaxTextFilterLength, format: "name-part"), "military forces"),
        new("source", ParameterLocation.Query, "Part of a source's name, any case: events with at least one mention from it.",
            () => Text(QueryParser.MaxTextFilterLength, format: "name-part"), "OSDH"),
        new("bbox", ParameterLocation.Query, "west,south,east,north in degrees (west ≤ east, south ≤ north); edges included.",
            () => new OpenApiSchema
            {
                Type = JsonSchemaType.Array, MinItems = 4, MaxItems = 4,
                Items = new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double", Minimum = "-180", Maximum = "180" },
            },
            new JsonArray(35.5, 32.5, 37.5, 34.5)) { CommaSeparated = true },
    ];

    public static readonly IReadOnlyList<ApiParameter> Paging =
    [
        new("page", ParameterLocation.Query, "Page number, from 1.", () => Whole(1, QueryParser.MaxPage, 1), 1),
        new("page_size", ParameterLocation.Query, $"Events per page, 1 to {QueryParser.MaxPageSize}.",
            () => Whole(1, QueryParser.MaxPageSize, QueryParser.DefaultPageSize), 100),
        new("after", ParameterLocation.Query,
            "Keyset paging: the events that follow the 'next' of the previous page (YYYY-MM-DD.NUMBER or undated.NUMBER), " +
            "instead of a page number; a deep page costs no more than the first, and no event is skipped or repeated while events are added. Not with page.",
            () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "page-key", Pattern = @"^(\d{4}-\d{2}-\d{2}|undated)\.\d+$" }, "2019-05-20.1234"),
        new("format", ParameterLocation.Query, "json (a page) or geojson (a FeatureCollection).",
            () => new OpenApiSchema
            {
                Type = JsonSchemaType.String, Format = "output-format", Default = JsonValue.Create("json"),
                Enum = [JsonValue.Create("json"), JsonValue.Create("geojson")],
            }, "geojson"),
    ];

    public static ApiParameter Id(string what, string example) => new("id", ParameterLocation.Path,
        $"The {what}'s id: 1 to 200 letters, digits, '-', '_', '.' or ':'.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "id", MinLength = 1, MaxLength = 200, Pattern = @"^[A-Za-z0-9._:-]{1,200}$" },
        example);

    /// <summary>Declares <paramref name="parameters"/> on the endpoint.</summary>
    public static TBuilder WithParameters<TBuilder>(this TBuilder builder, params IEnumerable<ApiParameter>[] parameters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DeclaredParameters(parameters.SelectMany(p => p).ToList()));

    /// <summary>Writes the declared parameters into each operation, replacing any the generator inferred under the same name.</summary>
    public static Task Transformer(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<DeclaredParameters>().SelectMany(d => d.Parameters).ToList();
        if (declared.Count == 0) return Task.CompletedTask;
        operation.Parameters ??= [];
        foreach (var p in declared)
        {
            var old = operation.Parameters.Where(x => x.Name == p.Name && x.In == p.In).ToList();
            foreach (var o in old) operation.Parameters.Remove(o);
            var parameter = new OpenApiParameter
            {
                Name = p.Name,
                In = p.In,
                Required = p.In == ParameterLocation.Path,
                Description = p.Description,
                Schema = p.Schema(),
                Example = p.Example.DeepClone(),
            };
            if (p.CommaSeparated) { parameter.Style = ParameterStyle.Form; parameter.Explode = false; }
            operation.Parameters.Add(parameter);
        }
        return Task.CompletedTask;
    }
}
