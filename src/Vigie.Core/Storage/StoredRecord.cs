using System.Text.Json;
using Vigie.Model;

namespace Vigie.Storage;

/// <summary>
/// A document's record as a store keeps it: its JSON (<c>documents.record_json</c>) holds what no other column does, the
/// record without its text (the <c>text</c> column) and without its events (each in <c>event_mentions.event_json</c>, by
/// rank). Read back, the two are put in again. A record stored whole (stores written before this form) reads the same.
/// </summary>
public static class StoredRecord
{
    /// <summary>The record's head: a shallow copy without the text and the events.</summary>
    public static DocumentRecord Head(DocumentRecord r) => new()
    {
        Id = r.Id,
        Lang = r.Lang,
        Date = r.Date,
        DateResolved = r.DateResolved,
        Title = r.Title,
        Url = r.Url,
        Source = r.Source,
        Text = "",
        Events = null,
        CasualtyReports = r.CasualtyReports,
        Extra = r.Extra,
    };

    /// <summary>
    /// The whole record again from its stored head, the document's text and its events' JSON in rank order. A record stored
    /// whole keeps its own text and events.
    /// </summary>
    public static DocumentRecord Complete(DocumentRecord head, string text, IReadOnlyList<string> eventJsons)
    {
        if (head.Text.Length == 0) head.Text = text;
        if (head.Events == null)
        {
            var events = new List<Event>(eventJsons.Count);
            foreach (var json in eventJsons) events.Add(JsonSerializer.Deserialize<Event>(json, Vigie.Json.VigieJson.Options)!);
            head.Events = events;
        }
        return head;
    }
}
