using System.Data.Common;
using System.Globalization;

namespace Vigie.Watch;

/// <summary>
/// The rows of watched sources as both stores keep them: source, ETag, Last-Modified, last poll, last success,
/// failures, retry-after, last status, documents (in that order); times are ISO 8601 text in UTC.
/// </summary>
public static class WatchRows
{
    /// <summary>The column list both stores select, in the order <see cref="Read"/> reads.</summary>
    public const string Columns = "source, etag, last_modified, last_poll, last_success, failures, retry_after, last_status, documents";

    public static List<SourceState> Read(DbDataReader r)
    {
        var list = new List<SourceState>();
        while (r.Read())
        {
            list.Add(new SourceState
            {
                Source = r.GetString(0),
                ETag = r.IsDBNull(1) ? null : r.GetString(1),
                LastModified = r.IsDBNull(2) ? null : r.GetString(2),
                LastPoll = Time(r, 3),
                LastSuccess = Time(r, 4),
                Failures = r.GetInt32(5),
                RetryAfter = Time(r, 6),
                LastStatus = r.IsDBNull(7) ? null : r.GetString(7),
                Documents = r.GetInt64(8),
            });
        }
        return list;
    }

    /// <summary>A time as the stores write it (ISO 8601, UTC), or DBNull.</summary>
    public static object Text(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;

    private static DateTimeOffset? Time(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
