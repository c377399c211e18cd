using Microsoft.Data.Sqlite;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Sqlite;

// Reading a whole store back, in the order it was written, so that `vigie migrate` can copy it.
public sealed partial class SqliteStore
{
    public IEnumerable<StoredItem> AllDocuments()
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = "SELECT doc_id, text, date, lang, url, title, source, origin_file, origin_line, run_id, record_json FROM documents ORDER BY id";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var d = new Document(r.GetString(0), r.GetString(1))
            {
                Published = PartialDate.TryParse(Text(r, 2), out var date) ? date : null,
                Language = Text(r, 3),
                Url = Text(r, 4),
                Title = Text(r, 5),
                SourceOutlet = Text(r, 6),
                Origin = new Origin(Text(r, 7) ?? "", r.IsDBNull(8) ? 0 : r.GetInt32(8)),
            };
            yield return new StoredItem(d, VigieJson.Deserialize(r.GetString(10)) ?? new DocumentRecord(), r.GetString(9));
        }
    }

    public IEnumerable<(Appearance Appearance, string RunId)> AllRepublications()
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = """
            SELECT d.content_hash, r.doc_id, r.url, r.source, r.date, r.origin_file, r.origin_line, r.run_id
            FROM republications r JOIN documents d ON d.id = r.document_id ORDER BY r.id
            """;
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return (new Appearance(r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4),
                new Origin(Text(r, 5) ?? "", r.IsDBNull(6) ? 0 : r.GetInt32(6))), r.GetString(7));
    }

    public IEnumerable<LogEntry> IngestLog()
    {
        using var cmd = _c.CreateCommand();
        cmd.CommandText = "SELECT run_id, at, file, line, status, content_hash, message FROM ingest_log ORDER BY id";
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return new LogEntry(r.GetString(0), Text(r, 2), r.IsDBNull(3) ? 0 : r.GetInt32(3), r.GetString(4), Text(r, 5), Text(r, 6)) { At = r.GetString(1) };
    }
}
