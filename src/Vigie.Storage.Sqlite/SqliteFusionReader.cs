using System.Text.Json;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Storage.Sqlite;

/// <summary>
/// What incremental fusion reads from a SQLite store, through the store's prepared <see cref="Statement"/>s: the same
/// SQL texts, the same rows in the same order and the same mentions as <see cref="FusionMentionReader"/>, without a
/// command's parameter objects and reader at each of the few probes per document. A mention the caller skips is
/// not materialised, and a stored event is parsed from the row's UTF-8 bytes (the events of the mentions the store
/// has just written are taken from <paramref name="written"/>).
/// </summary>
internal sealed class SqliteFusionReader(Func<string, Statement> statement, Func<string, Event?> written) : IFusionReader
{
    private static readonly string[] RowNames = Enumerable.Range(0, FusionProbe.MaxRows).Select(i => "@y" + i).ToArray();

    private readonly Dictionary<string, (long Row, string? Event)> _read = new(StringComparer.Ordinal);

    public long RowOf(string key) => _read[key].Row;
    public string? EventOf(string key) => _read[key].Event;

    public IReadOnlyList<FusionMention> Unfused()
    {
        var list = new List<FusionMention>();
        Read(statement(FusionMentionReader.UnfusedMentions).Start(), _ => false, list);
        return list;
    }

    public IEnumerable<FusionMention> Around(FusionProbe probe, Func<string, bool> skip)
    {
        var list = new List<FusionMention>();
        if (probe.Located)
        {
            var rows = probe.MaxY - probe.MinY + 1;
            var grid = Bind(statement(rows <= FusionProbe.MaxRows ? FusionMentionReader.GridRows : FusionMentionReader.GridSpan), probe);
            if (rows <= FusionProbe.MaxRows)
                for (var i = 0; i < FusionProbe.MaxRows; i++) grid.Set(RowNames[i], Math.Min(probe.MinY + i, probe.MaxY)); // the last row repeated
            else
                grid.Set("@y0", probe.MinY).Set("@y1", probe.MaxY);
            grid.Set("@x0", probe.MinX).Set("@x1", probe.MaxX);
            Read(grid, skip, list);
        }
        if (probe.Name != null)
        {
            var named = Bind(statement(FusionMentionReader.Named), probe).Set("@n", probe.Name).Set("@unlocated", !probe.Located);
            Read(named, skip, list);
        }
        return list;
    }

    private static Statement Bind(Statement st, FusionProbe probe) => st.Start()
        .Set("@t", Names.Of(probe.Type))
        .Set("@f0", probe.FirstDay)
        .Set("@f1", probe.LastDay)
        .Set("@l0", probe.MinLastDay)
        .Set("@sub", probe.Subtype is { } s ? Names.Of(s) : null);

    /// <summary>The rows of <paramref name="st"/> as <see cref="FusionRows.Read"/> reads them (columns of <see cref="FusionMentionReader.Mentions"/>).</summary>
    private void Read(Statement st, Func<string, bool> skip, List<FusionMention> list)
    {
        try
        {
            while (st.Step())
            {
                var key = st.Text(0)!;
                if (skip(key)) continue;
                _read[key] = (st.Int64(1), st.Text(2));
                var date = st.Text(7);
                PartialDate.TryParse(date, out var pub);
                list.Add(new FusionMention
                {
                    Key = key,
                    Event = written(key) ?? JsonSerializer.Deserialize<Event>(st.Utf8(3), VigieJson.Options)!,
                    Source = st.Text(4),
                    DocumentHash = st.Text(5)!,
                    DocumentId = st.Text(6)!,
                    Published = date == null ? null : pub,
                });
            }
        }
        catch
        {
            st.Reset();
            throw;
        }
    }
}
