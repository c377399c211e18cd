using System.Data;
using System.Data.Common;
using Vigie.Fusion;

namespace Vigie.Storage;

/// <summary>
/// Reads stored mentions back for fusion, with one SQL text for both stores: every mention (full rebuild), the
/// unfused ones, and those inside a <see cref="FusionProbe"/> (incremental fusion, on the fusion-block indexes of
/// SQLite migration 0006 and PostgreSQL 0003). Parameters are written <c>@name</c> and given a type, which
/// Microsoft.Data.Sqlite and Npgsql both take; the grid rows are a fixed list of parameters (<c>IN</c>), which both
/// planners turn into one index range per row. The store gives the commands, inside its fusion transaction.
/// Remembers the row id and event of every mention read (<see cref="RowOf"/>, <see cref="EventOf"/>), for the
/// writes that follow.
/// </summary>
/// <param name="command">A command for an SQL text, in the store's current transaction.</param>
/// <param name="disposeCommands">Whether a command is disposed after use (false when the store caches its commands).</param>
/// <param name="written">
/// The events of mentions the store still holds in memory by mention key (those it has just written from their
/// records), read instead of their stored JSON text, which is the same event serialised; null for none.
/// </param>
public sealed class FusionMentionReader(Func<string, DbCommand> command, bool disposeCommands, Func<string, Model.Event?>? written = null) : IFusionReader
{
    /// <summary>The columns every read selects, in <see cref="FusionRows"/>' order (key, row id, event id, event JSON, source, document hash, document id, date).</summary>
    public const string Mentions = """
        SELECT m.mention_key, m.id, m.event_id, m.event_json, m.source, d.content_hash, d.doc_id, d.date
        FROM event_mentions m JOIN documents d ON d.id = m.document_id
        """;
    private const string InProbe = " AND m.fuse_first BETWEEN @f0 AND @f1 AND m.fuse_last >= @l0 AND (@sub IS NULL OR m.subtype IS NULL OR m.subtype = @sub)";

    /// <summary>The mentions of a located probe of at most <see cref="FusionProbe.MaxRows"/> grid rows (parameters: see <see cref="Around"/>).</summary>
    public static readonly string GridRows = Mentions + " WHERE m.type = @t AND m.fuse_y IN ("
        + string.Join(", ", Enumerable.Range(0, FusionProbe.MaxRows).Select(i => "@y" + i)) + ") AND m.fuse_x BETWEEN @x0 AND @x1" + InProbe;

    /// <summary>The mentions of a located probe of more grid rows.</summary>
    public const string GridSpan = Mentions + " WHERE m.type = @t AND m.fuse_y BETWEEN @y0 AND @y1 AND m.fuse_x BETWEEN @x0 AND @x1" + InProbe;

    /// <summary>The mentions of a probe by place name: a located mention meets only mentions without coordinates (between two located ones the distance decides).</summary>
    public const string Named = Mentions + " WHERE m.type = @t AND m.fuse_name = @n AND (@unlocated OR m.fuse_y IS NULL)" + InProbe;

    /// <summary>The mentions linked to no event yet.</summary>
    public const string UnfusedMentions = Mentions + " WHERE m.event_id IS NULL";

    private readonly Dictionary<string, (long Row, string? Event)> _read = new(StringComparer.Ordinal);

    public long RowOf(string key) => _read[key].Row;
    public string? EventOf(string key) => _read[key].Event;

    /// <summary>Every stored mention (the full rebuild).</summary>
    public IReadOnlyList<FusionMention> All() => Read(command(Mentions), _ => false);

    public IReadOnlyList<FusionMention> Unfused() => Read(command(UnfusedMentions), _ => false);

    public IEnumerable<FusionMention> Around(FusionProbe probe, Func<string, bool> skip)
    {
        var list = new List<FusionMention>();
        if (probe.Located)
        {
            var rows = probe.MaxY - probe.MinY + 1;
            var grid = command(rows <= FusionProbe.MaxRows ? GridRows : GridSpan);
            Bind(grid, probe);
            if (rows <= FusionProbe.MaxRows)
                for (var i = 0; i < FusionProbe.MaxRows; i++) Add(grid, "@y" + i, DbType.Int32, Math.Min(probe.MinY + i, probe.MaxY)); // the last row repeated
            else
            {
                Add(grid, "@y0", DbType.Int32, probe.MinY);
                Add(grid, "@y1", DbType.Int32, probe.MaxY);
            }
            Add(grid, "@x0", DbType.Int32, probe.MinX);
            Add(grid, "@x1", DbType.Int32, probe.MaxX);
            list.AddRange(Read(grid, skip));
        }
        if (probe.Name != null)
        {
            var named = command(Named);
            Bind(named, probe);
            Add(named, "@n", DbType.String, probe.Name);
            Add(named, "@unlocated", DbType.Boolean, !probe.Located);
            list.AddRange(Read(named, skip));
        }
        return list;
    }

    private static void Bind(DbCommand cmd, FusionProbe probe)
    {
        Add(cmd, "@t", DbType.String, Names.Of(probe.Type));
        Add(cmd, "@f0", DbType.Int32, probe.FirstDay);
        Add(cmd, "@f1", DbType.Int32, probe.LastDay);
        Add(cmd, "@l0", DbType.Int32, probe.MinLastDay);
        Add(cmd, "@sub", DbType.String, probe.Subtype is { } s ? Names.Of(s) : null);
    }

    private static void Add(DbCommand cmd, string name, DbType type, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    private List<FusionMention> Read(DbCommand cmd, Func<string, bool> skip)
    {
        try
        {
            using var r = cmd.ExecuteReader();
            return FusionRows.Read(r, skip, _read, written);
        }
        finally
        {
            if (disposeCommands) cmd.Dispose();
        }
    }
}
