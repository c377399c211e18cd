namespace Vigie.Web.Data;

/// <summary>Reads events from a Vigie SQLite database, read-only.</summary>
public sealed class SqliteEventReader(string path) : IEventReader
{
    public string Path { get; } = path;
    public EventPage Events(EventQuery query, int page, int pageSize) => throw new NotImplementedException();
    public EventDetail? Event(string id) => throw new NotImplementedException();
    public DocumentView? Document(string id) => throw new NotImplementedException();
    public StatsView Stats(EventQuery query) => throw new NotImplementedException();
    public string? Health() => throw new NotImplementedException();
}
