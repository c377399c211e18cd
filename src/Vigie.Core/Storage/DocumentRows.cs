using System.Data;
using System.Data.Common;
using Vigie.Json;
using Vigie.Model;

namespace Vigie.Storage;

/// <summary>
/// The reads of stored documents and their republications that both stores make with the same SQL and the same
/// columns: a text's republications, and the whole store in the order it was written (for copies and dumps). The
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

    /// <summary>Every stored document with its record and run, in the order written.</summary>
    public static IEnumerable<StoredItem> All(Func<string, DbCommand> command)
    {
        using var cmd = command("SELECT doc_id, text, date, lang, url, title, source, origin_file, origin_line, run_id, record_json FROM documents ORDER BY id");
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
                Origin = OriginAt(r, 7),
            };
            yield return new StoredItem(d, VigieJson.Deserialize(r.GetString(10)) ?? new DocumentRecord(), r.GetString(9));
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
