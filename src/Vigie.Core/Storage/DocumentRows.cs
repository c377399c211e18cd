using System.Data;
using System.Data.Common;
using Vigie.Json;
using Vigie.Model;

namespace Vigie.Storage;

/// <summary>
/// The reads of stored documents and their republications that both stores make with the same SQL and the same
/// columns: a text's republications, a document's mentions, and the whole store in the order it was written (for copies
/// and dumps). The
/// store gives a command for an SQL text (parameters written <c>@name</c>, which both providers take) and disposes
/// nothing: each command is disposed here once read.
/// </summary>
public static class DocumentRows
{
    /// <summary>A stored text's republications, in the order they were recorded.</summary>
    public static IReadOnlyList<Appearance> Republications(Func<string, DbCommand> command, string contentHash)
    {
        using var cmd = command("""
            SELECT r.doc_id, r.url, r.source, r.date, r.origin_file, r.origin_line FROM republications r
            JOIN documents d ON d.id = r.document_id WHERE d.content_hash = @h ORDER BY r.id
            """);
        var h = cmd.CreateParameter();
        h.ParameterName = "@h";
        h.DbType = DbType.String;
        h.Value = contentHash;
        cmd.Parameters.Add(h);
        using var r = cmd.ExecuteReader();
        var list = new List<Appearance>();
        while (r.Read())
            list.Add(new Appearance(contentHash, r.GetString(0), Text(r, 1), Text(r, 2), Text(r, 3), OriginAt(r, 4)));
        return list;
    }

    /// <summary>
    /// Completes <paramref name="doc"/>'s record with its events (<see cref="StoredRecord"/>) and gives, by rank, the fused event
    /// each of its mentions joined; <paramref name="rowId"/> is the document's row.
    /// </summary>
    public static StoredDocument WithMentions(Func<string, DbCommand> command, StoredDocument doc, long rowId)
    {
        using var cmd = command("SELECT rank, event_id, event_json FROM event_mentions WHERE document_id = @d ORDER BY rank");
        var d = cmd.CreateParameter();
        d.ParameterName = "@d";
        d.DbType = DbType.Int64;
        d.Value = rowId;
        cmd.Parameters.Add(d);
        var ids = new Dictionary<int, string>();
        var events = new List<string>();
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                if (!r.IsDBNull(1)) ids[r.GetInt32(0)] = r.GetString(1);
                events.Add(r.GetString(2));
            }
        StoredRecord.Complete(doc.Record, doc.Text, events);
        return doc with { EventIdsByRank = ids };
    }

    /// <summary>Every stored document with its record and run, in the order written (the record completed with the text and
    /// the events' JSON its stored head leaves out, <see cref="StoredRecord"/>).</summary>
    public static IEnumerable<StoredItem> All(Func<string, DbCommand> command)
    {
        // one reader (PostgreSQL's connection holds one at a time): each document's row repeated beside each of its mentions
        using var cmd = command("""
            SELECT d.id, d.doc_id, d.text, d.date, d.lang, d.url, d.title, d.source, d.origin_file, d.origin_line, d.run_id, d.record_json, m.event_json
            FROM documents d LEFT JOIN event_mentions m ON m.document_id = d.id ORDER BY d.id, m.rank
            """);
        using var r = cmd.ExecuteReader();
        long? at = null;
        StoredItem? item = null;
        var events = new List<string>();
        while (r.Read())
        {
            var id = r.GetInt64(0);
            if (id != at)
            {
                if (item != null) yield return Completed(item, events);
                at = id;
                events.Clear();
                var d = new Document(r.GetString(1), r.GetString(2))
                {
                    Published = PartialDate.TryParse(Text(r, 3), out var date) ? date : null,
                    Language = Text(r, 4),
                    Url = Text(r, 5),
                    Title = Text(r, 6),
                    SourceOutlet = Text(r, 7),
                    Origin = OriginAt(r, 8),
                };
                item = new StoredItem(d, VigieJson.Deserialize(r.GetString(11)) ?? new DocumentRecord(), r.GetString(10));
            }
            if (!r.IsDBNull(12)) events.Add(r.GetString(12));
        }
        if (item != null) yield return Completed(item, events);

        static StoredItem Completed(StoredItem item, List<string> events)
        {
            StoredRecord.Complete(item.Record, item.Document.Text, events);
            return item;
        }
    }

    /// <summary>Every republication with its run, in the order recorded.</summary>
    public static IEnumerable<(Appearance Appearance, string RunId)> AllRepublications(Func<string, DbCommand> command)
    {
        using var cmd = command("""
            SELECT d.content_hash, r.doc_id, r.url, r.source, r.date, r.origin_file, r.origin_line, r.run_id
            FROM republications r JOIN documents d ON d.id = r.document_id ORDER BY r.id
            """);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return (new Appearance(r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), OriginAt(r, 5)), r.GetString(7));
    }

    /// <summary>The origin (file, line) in columns <paramref name="i"/> and <paramref name="i"/> + 1.</summary>
    private static Origin OriginAt(DbDataReader r, int i) => new(Text(r, i) ?? "", r.IsDBNull(i + 1) ? 0 : r.GetInt32(i + 1));

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
