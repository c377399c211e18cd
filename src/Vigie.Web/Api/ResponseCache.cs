using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Vigie.Web.Api;

/// <summary>
/// Answers of the read endpoints kept per data version (<see cref="Data.IEventReader.DataVersion"/>): the same request
/// on the same data gets the same bytes, and its ETag (the version and a hash of the request) lets a client revalidate
/// with If-None-Match and get a 304 without a body. A new version empties the cache; at most
/// <see cref="MaxBytes"/> are kept (beyond, answers are computed and sent but not kept).
/// </summary>
public sealed class ResponseCache
{
    public const long MaxBytes = 64L << 20;
    /// <summary>An answer larger than this is never kept.</summary>
    public const int MaxEntryBytes = 4 << 20;

    public sealed record Entry(byte[] Body, string ContentType);

    /// <summary>False: nothing is kept (ETags and 304s still hold).</summary>
    public bool Enabled { get; init; } = true;

    private readonly object _gate = new();
    private string? _version;
    private ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _bytes;

    /// <summary>The ETag of <paramref name="request"/> (path and query as sent) at <paramref name="version"/>.</summary>
    public static string ETag(string version, string request) =>
        "\"" + version + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)))[..16] + "\"";

    /// <summary>True when the request's If-None-Match names <paramref name="etag"/> (or is "*").</summary>
    public static bool Matches(HttpRequest request, string etag)
    {
        foreach (var value in request.Headers.IfNoneMatch)
            foreach (var tag in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (tag == "*" || tag == etag || tag == "W/" + etag) return true;
        return false;
    }

    public bool TryGet(string version, string etag, out Entry entry)
    {
        entry = null!;
        return Enabled && _version == version && _entries.TryGetValue(etag, out entry!);
    }

    public void Add(string version, string etag, Entry entry)
    {
        if (!Enabled || entry.Body.Length > MaxEntryBytes) return;
        lock (_gate)
        {
            if (_version != version)
            {
                // an answer read at an older version than the cache's (a slow request) is not kept
                if (_version != null && !Data.DataVersions.Newer(version, _version)) return;
                _version = version;
                _entries = new(StringComparer.Ordinal);
                _bytes = 0;
            }
            if (_bytes + entry.Body.Length > MaxBytes) return;
            if (_entries.TryAdd(etag, entry)) _bytes += entry.Body.Length;
        }
    }
}
