using System.Data.Common;
using System.Text.Json;
using Vigie.Fusion;
using Vigie.Json;
using Vigie.Model;

namespace Vigie.Storage;

/// <summary>
/// The rows of stored mentions that incremental fusion reads back, as both stores select them: key, row id, event id,
/// event JSON, source, document hash, document id, publication date (in that order).
/// </summary>
public static class FusionRows
{
    /// <summary>
    /// Reads the mentions of <paramref name="reader"/> that <paramref name="skip"/> does not reject, noting each one's row
    /// and event in <paramref name="read"/>; a mention whose event <paramref name="written"/> gives is not read from its JSON.
    /// </summary>
    public static List<FusionMention> Read(DbDataReader reader, Func<string, bool> skip, IDictionary<string, (long Row, string? Event)> read,
        Func<string, Event?>? written = null)
    {
        var list = new List<FusionMention>();
        while (reader.Read())
        {
            var key = reader.GetString(0);
            if (skip(key)) continue;
            read[key] = (reader.GetInt64(1), Text(reader, 2));
            PartialDate.TryParse(Text(reader, 7), out var pub);
            list.Add(new FusionMention
            {
                Key = key,
                Event = written?.Invoke(key) ?? JsonSerializer.Deserialize<Event>(reader.GetString(3), VigieJson.Options)!,
                Source = Text(reader, 4),
                DocumentHash = reader.GetString(5),
                DocumentId = reader.GetString(6),
                Published = reader.IsDBNull(7) ? null : pub,
            });
        }
        return list;
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
