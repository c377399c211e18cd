using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Hosting;

namespace Vigie.Web.Api;

/// <summary>The read-only HTTP API under /api.</summary>
public static class EventsApi
{
    public static void MapVigieApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/events", async (HttpContext context, IEventReader reader, ResponseCache cache, IOptions<JsonOptions> json) =>
        {
            var (query, paging, errors) = QueryParser.ParseEvents(context.Request.Query);
            if (errors.Count > 0) { await BadFilter(errors).ExecuteAsync(context); return; }
            await Cached(context, reader, cache, paging.GeoJson ? "application/geo+json" : "application/json", async (body, copy) =>
            {
                var page = paging.After is { } after
                    ? reader.EventsAfter(query, after, paging.PageSize)
                    : reader.Events(query, paging.Page, paging.PageSize);
                if (paging.GeoJson) await GeoJson.WriteAsync(body, page, json.Value.SerializerOptions, copy, context.RequestAborted);
                else await GeoJson.WritePageAsync(body, page, json.Value.SerializerOptions, copy, context.RequestAborted);
                return page.Version;
            });
        })
        .WithName("ListEvents")
        .WithSummary("Events matching the filters, a page at a time (JSON or GeoJSON)")
        .WithDescription("Every filter is optional and they combine with AND; from and to are inclusive, and a month or a year covers all its days " +
                         "(to=2019-08 reaches 31 August). An unknown, repeated or malformed parameter is a 400 naming it. " +
                         "Pages go by number (page) or by key (after = the next of the previous page, null on the last page); following " +
                         "next costs the same at any depth, a page number reads every event before its page. total is exact and counted once " +
                         "per filter and state of the data, not per page. The answer carries an ETag that " +
                         "changes when the data does: sent back in If-None-Match, it gets a 304 without a body while nothing changed.")
        .WithParameters(ApiParameters.Filters, ApiParameters.Paging)
        .Produces<EventPage>()
        .Produces(StatusCodes.Status304NotModified)
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

    /// <summary>
    /// Answers from <see cref="ResponseCache"/> when it can: the ETag is that of the request at the store's data version;
    /// a matching If-None-Match is a 304, a kept answer is sent as is, and otherwise <paramref name="write"/> writes the
    /// answer to the client and to a copy, and returns the version it read the data at.
    /// </summary>
    private static async Task Cached(HttpContext context, IEventReader reader, ResponseCache cache, string contentType,
        Func<Stream, System.Buffers.ArrayBufferWriter<byte>?, Task<string?>> write)
    {
        var request = context.Request.Path + context.Request.QueryString;
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        var version = reader.DataVersion();
        if (version != null)
        {
            var etag = ResponseCache.ETag(version, request);
            if (ResponseCache.Matches(context.Request, etag))
            {
                response.Headers.ETag = etag;
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            if (cache.TryGet(version, etag, out var hit))
            {
                response.Headers.ETag = etag;
                response.ContentType = hit.ContentType;
                response.ContentLength = hit.Body.Length;
                await response.Body.WriteAsync(hit.Body, context.RequestAborted);
                return;
            }
        }
        response.ContentType = contentType;
        if (version == null)
        {
            await write(response.Body, null);
            return;
        }
        // streamed to the client with the ETag of the version read first; kept only when the answer was read at that
        // same version (a write in between gives an answer newer than its ETag, which the next revalidation replaces)
        var tag = ResponseCache.ETag(version, request);
        response.Headers.ETag = tag;
        // a copy only when it may be kept
        var copy = cache.Enabled ? new System.Buffers.ArrayBufferWriter<byte>() : null;
        var readAt = await write(response.Body, copy);
        if (copy != null && readAt == version && copy.WrittenCount <= ResponseCache.MaxEntryBytes)
            cache.Add(version, tag, new ResponseCache.Entry(copy.WrittenSpan.ToArray(), contentType));
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
