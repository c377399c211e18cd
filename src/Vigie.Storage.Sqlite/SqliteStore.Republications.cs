using Microsoft.Data.Sqlite;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Records copies of stored texts in one transaction: a copy that differs from the stored document in id,
    /// URL, outlet or date is a row of <c>republications</c> (once); an identical copy is known. Nothing is extracted.
    /// </summary>
    public IReadOnlyList<AppearanceOutcome> RecordAppearances(IReadOnlyList<Appearance> items, string runId, bool log = true)
    {
        var outcomes = new List<AppearanceOutcome>(items.Count);
        if (items.Count == 0) return outcomes;
        using var tx = _c.BeginTransaction();
        foreach (var a in items)
        {
            var find = Cmd(tx, "SELECT id, doc_id, url, source, date FROM documents WHERE content_hash = $h");
            find.Parameters.AddWithValue("$h", a.ContentHash);
            long id;
            bool same;
            using (var r = find.ExecuteReader())
            {
                if (!r.Read()) { outcomes.Add(AppearanceOutcome.Missing); continue; }
                id = r.GetInt64(0);
                same = r.GetString(1) == a.DocId && Text(r, 2) == a.Url && Text(r, 3) == a.Source && Text(r, 4) == a.Date;
            }
            var outcome = AppearanceOutcome.Known;
            if (!same)
            {
                var insert = Cmd(tx, """
                    INSERT OR IGNORE INTO republications(document_id, doc_id, url, source, date, origin_file, origin_line, run_id)
                    VALUES ($doc, $id, $url, $source, $date, $file, $line, $run)
                    """);
                insert.Parameters.AddWithValue("$doc", id);
                insert.Parameters.AddWithValue("$id", a.DocId);
                insert.Parameters.AddWithValue("$url", Db(a.Url));
                insert.Parameters.AddWithValue("$source", Db(a.Source));
                insert.Parameters.AddWithValue("$date", Db(a.Date));
                insert.Parameters.AddWithValue("$file", Db(a.Origin.File));
                insert.Parameters.AddWithValue("$line", a.Origin.Line);
                insert.Parameters.AddWithValue("$run", runId);
                if (insert.ExecuteNonQuery() == 1) outcome = AppearanceOutcome.Republished;
            }
            if (log) WriteLog(tx, new LogEntry(runId, a.Origin.File, a.Origin.Line, outcome == AppearanceOutcome.Republished ? "republished" : "known", a.ContentHash, null));
            outcomes.Add(outcome);
        }
        BumpVersion(tx);
        tx.Commit();
        return outcomes;
    }

    /// <summary>A stored document's republications, in the order they were recorded.</summary>
    public IReadOnlyList<Appearance> Republications(string contentHash) => DocumentRows.Republications(NewCommand, contentHash);

    /// <summary>The content hash of another stored document with this input id, if any (a second version of an article).</summary>
    private string? OtherVersion(string docId, long exceptId, SqliteTransaction tx)
    {
        return Stmt(tx, "SELECT content_hash FROM documents WHERE doc_id = $id AND id <> $except LIMIT 1")
            .Set("$id", docId).Set("$except", exceptId).Scalar() as string;
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
