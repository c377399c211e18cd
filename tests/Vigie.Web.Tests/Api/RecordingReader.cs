using Vigie.Storage;
using Vigie.Web.Data;

namespace Vigie.Web.Tests.Api;

/// <summary>A reader that keeps the last query it was given and answers with nothing (or throws, to test error handling).</summary>
public sealed class RecordingReader : IEventReader
{
    public EventFilter? LastQuery { get; private set; }
    public (int Page, int PageSize)? LastPaging { get; private set; }
    public Exception? Throw { get; init; }

    public EventPage Events(EventFilter query, int page, int pageSize)
    {
        if (Throw != null) throw Throw;
        LastQuery = query;
        LastPaging = (page, pageSize);
        return new EventPage(0, page, pageSize, []);
    }

    public EventDetail? Event(string id) => Throw != null ? throw Throw : null;
    public DocumentView? Document(string id) => Throw != null ? throw Throw : null;

    public StatsView Stats(EventFilter query)
    {
        if (Throw != null) throw Throw;
        LastQuery = query;
        return new StatsView();
    }

    public string? Health() => Throw?.Message;
}
