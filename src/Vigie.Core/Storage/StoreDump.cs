using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigie.Json;

namespace Vigie.Storage;

/// <summary>
/// A canonical text of what a store holds, read through the port only: documents (metadata, text hash, extraction
/// record, and which event each of its mentions joined), republications, fused events with their numbers, fatalities
/// and every mention, casualty reports with their documents. Row ids, run ids and log times are left out (they depend
/// on the run, not on the data), and everything is sorted by content, so two stores holding the same data — SQLite and
/// PostgreSQL, one writer or four — give the same text.
/// </summary>
public static class StoreDump
{
    public static IReadOnlyList<string> Lines(IStoreReader store)
    {
        var lines = new List<string>();
        var counts = store.Counts();
        lines.Add($"counts documents={counts.Documents} mentions={counts.Mentions} events={counts.Events} reports={counts.Reports} republications={counts.Republications}");

        var docs = new List<string>();
        var hashes = new List<string>();
        foreach (var item in store.AllDocuments())
        {
            var d = item.Document;
            hashes.Add(d.ContentHash);
            docs.Add(Join("document", d.ContentHash, d.Id, d.Published?.ToString(), d.Language, d.Url, d.Title, d.SourceOutlet,
                d.Origin.ToString(), Hash(d.Text), VigieJson.Serialize(item.Record)));
        }
        docs.Sort(StringComparer.Ordinal);
        lines.AddRange(docs);

        hashes.Sort(StringComparer.Ordinal);
        foreach (var hash in hashes)
        {
            var stored = store.Document(hash);
            if (stored == null) { lines.Add(Join("links", hash, "missing")); continue; }
            lines.Add(Join("links", hash, string.Join(",", stored.EventIdsByRank.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))));
            var reps = store.Republications(hash)
                .Select(a => Join("republication", hash, a.DocId, a.Url, a.Source, a.Date, a.Origin.ToString()))
                .Order(StringComparer.Ordinal);
            lines.AddRange(reps);
        }

        foreach (var e in store.Events(EventFilter.All, withMentions: true).OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            lines.Add(Join("event", e.Id, e.Number.ToString(CultureInfo.InvariantCulture), Num(e.FatalitiesLow), Num(e.FatalitiesBest), Num(e.FatalitiesHigh),
                e.MentionCount.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(e.Event, VigieJson.Options)));
            var mentions = e.Mentions
                .Select(m => Join("  mention", m.DocumentHash, m.DocumentId, m.DocumentTitle, m.DocumentUrl, m.Published, m.Source,
                    m.Reliability.ToString(CultureInfo.InvariantCulture), m.Modality.ToString(), Num(m.Fatalities), JsonSerializer.Serialize(m.Event, VigieJson.Options)))
                .Order(StringComparer.Ordinal);
            lines.AddRange(mentions);
        }

        var reports = store.Reports()
            .Select(r => Join("report", JsonSerializer.Serialize(r.Report, VigieJson.Options), string.Join(",", r.DocumentIds.Order(StringComparer.Ordinal))))
            .Order(StringComparer.Ordinal);
        lines.AddRange(reports);
        return lines;
    }

    /// <summary>The SHA-256 of the dump, to compare two stores in one line.</summary>
    public static string Checksum(IStoreReader store) => Hash(string.Join("\n", Lines(store)));

    private static string Join(params string?[] fields) => string.Join('\u001f', fields.Select(f => f ?? "∅"));
    private static string? Num(long? n) => n?.ToString(CultureInfo.InvariantCulture);
    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
