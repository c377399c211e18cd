using System.Collections.Concurrent;
using System.Text.Json;
using Vigie.Storage;

namespace Vigie.Web.Data;

/// <summary>
/// The map's view of each event (<see cref="EventSummary"/>) and its JSON text, kept by event id while the event's row
/// is unchanged: the stored JSON text and fatality range are compared with the row read, so a page made of events
/// already seen costs no JSON reading and no serialising, only the comparison and a copy of the bytes, and an event
/// that fusion rewrote is made again. At most <see cref="MaxBytes"/> are kept (then the cache starts over).
/// </summary>
public sealed class EventSummaries(Func<StoredEventRow, EventSummary> make, JsonSerializerOptions json)
{
    public const long MaxBytes = 64L << 20;

    private sealed record Entry(string EventJson, int? Low, int? Best, int? High, EventSummary Summary, byte[] Json);

    private readonly object _gate = new();
    private volatile ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _bytes;
    private long _made;

    /// <summary>How many views were made (not found kept).</summary>
    public long Made => Interlocked.Read(ref _made);

    /// <summary>The view of <paramref name="row"/> and its JSON text (UTF-8), as the API's serializer writes it.</summary>
    public (EventSummary Summary, byte[] Json) Of(StoredEventRow row)
    {
        var entries = _entries;
        if (entries.TryGetValue(row.Id, out var e) && e.Low == row.FatalitiesLow && e.Best == row.FatalitiesBest && e.High == row.FatalitiesHigh
            && string.Equals(e.EventJson, row.EventJson, StringComparison.Ordinal))
            return (e.Summary, e.Json);
        var summary = make(row);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(summary, json);
        Interlocked.Increment(ref _made);
        var size = bytes.Length + 2L * row.EventJson.Length + 2L * row.Id.Length + 256;
        lock (_gate)
        {
            if (_bytes + size > MaxBytes)
            {
                _entries = entries = new(StringComparer.Ordinal);
                _bytes = 0;
            }
            if (!ReferenceEquals(entries, _entries)) entries = _entries;
            entries[row.Id] = new Entry(row.EventJson, row.FatalitiesLow, row.FatalitiesBest, row.FatalitiesHigh, summary, bytes);
            _bytes += size;
        }
        return (summary, bytes);
    }
}
