using Vigie.Web.Data;
using Vigie.Web.Hosting;

namespace Vigie.Web.Api;

/// <summary>The read-only HTTP API under /api.</summary>
public static class EventsApi
{
    public static void MapVigieApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/events", (HttpRequest request, IEventReader reader) =>
        {
            var (query, paging, errors) = QueryParser.ParseEvents(request.Query);
            if (errors.Count > 0) return BadFilter(errors);
            var page = reader.Events(query, paging.Page, paging.PageSize);
            return paging.GeoJson
                ? Results.Json(GeoJson.From(page), contentType: "application/geo+json")
                : Results.Ok(page);
        })
        .WithName("ListEvents")
        .WithSummary("Events matching the filters, a page at a time (JSON or GeoJSON)")
        .WithDescription("Every filter is optional and they combine with AND; from and to are inclusive, and a month or a year covers all its days " +
                         "(to=2019-08 reaches 31 August). An unknown, repeated or malformed parameter is a 400 naming it.")
        .WithParameters(ApiParameters.Filters, ApiParameters.Paging)
        .Produces<EventPage>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/events/{id}", (string id, IEventReader reader) =>
        {
            if (!QueryParser.IsValidId(id)) return BadId(id);
            return reader.Event(id) is { } e ? Results.Ok(e) : NotFound("event", id);
        })
        .WithName("GetEvent")
        .WithParameters([ApiParameters.Id("event", "SY-859aa77d4bce")])
        .WithSummary("One event with its mentions, each source's claim and the evidence sentences")
        .Produces<EventDetail>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/documents/{id}", (string id, IEventReader reader) =>
        {
            if (!QueryParser.IsValidId(id)) return BadId(id);
            return reader.Document(id) is { } d ? Results.Ok(d) : NotFound("document", id);
        })
        .WithName("GetDocument")
        .WithParameters([ApiParameters.Id("document (content hash or input id)", "test-douma")])
        .WithSummary("A stored document: its text and every span that supports an extracted value")
        .Produces<DocumentView>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/stats", (HttpRequest request, IEventReader reader) =>
        {
            var (query, errors) = QueryParser.ParseStats(request.Query);
            return errors.Count > 0 ? BadFilter(errors) : Results.Ok(reader.Stats(query));
        })
        .WithName("GetStats")
        .WithParameters(ApiParameters.Filters)
        .WithSummary("Counts of events and fatalities (best) by type, country, day, actor and source, under the same filters")
        .Produces<StatsView>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/vocabulary", () => Results.Ok(Vocabulary.Current))
        .WithName("GetVocabulary")
        .WithSummary("The words for the codes the other endpoints return: ACLED event types and subtypes (each with its type), actor kinds and modalities")
        .WithDescription("Event types and subtypes in ACLED's wording, the same as the acled-csv export and the command line; " +
                         "the map takes all its labels from here.")
        .Produces<VocabularyView>();

        api.MapGet("/health", (IEventReader reader) =>
        {
            var problem = reader.Health();
            return problem == null
                ? Results.Ok(new { Status = "ok" })
                : Results.Json(new { Status = "unavailable", Detail = problem }, statusCode: StatusCodes.Status503ServiceUnavailable);
        })
        .WithName("Health")
        .WithSummary("ok when the database can be read");
    }

    private static IResult BadFilter(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "Bad filter",
            detail: "Fix the parameters listed in 'errors'; see /openapi/v1.json for the accepted values.");

    private static IResult BadId(string id) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad id",
            detail: "An id has 1 to 200 letters, digits, '-', '_', '.' or ':'.");

    private static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}",
            detail: $"There is no {what} with id '{id}' in this database.");
}
