namespace Vigie.Watch;

/// <summary>
/// What the watcher knows of one source (a feed address or a watched folder) between polls: the
/// validators for a conditional GET, when it was last read, and its backoff after errors.
/// </summary>
public sealed record SourceState
{
    public required string Source { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    /// <summary>When it was last polled (UTC), whatever the result.</summary>
    public DateTimeOffset? LastPoll { get; init; }
    /// <summary>When it was last read without error (UTC).</summary>
    public DateTimeOffset? LastSuccess { get; init; }
    /// <summary>Errors in a row since the last success; 0 when healthy.</summary>
    public int Failures { get; init; }
    /// <summary>Not polled again before this time (UTC) after an error.</summary>
    public DateTimeOffset? RetryAfter { get; init; }
    /// <summary>The last poll's outcome in a few words ("200, 3 new", "304 not modified", "HTTP 500").</summary>
    public string? LastStatus { get; init; }
    /// <summary>Documents this source has given in all (stored or handed to the queue).</summary>
    public long Documents { get; init; }
}

/// <summary>An item already taken from a source: its key (a URL, a content hash, a file stamp) and its source.</summary>
public readonly record struct SeenItem(string Key, string Source);

/// <summary>
/// The watcher's memory, kept with the store so that a restart does not read everything again.
/// SQLite implements it today (Vigie.Storage.Sqlite, SqliteWatchState); another store only has to
/// implement these few calls, which the watcher makes one at a time. Writes of one poll go through
/// <see cref="Commit"/>, in one transaction.
/// </summary>
public interface IWatchState
{
    /// <summary>Every source known, in address order (for <c>vigie watch --status</c>).</summary>
    IReadOnlyList<SourceState> Sources();

    SourceState? Source(string source);

    /// <summary>The keys among <paramref name="keys"/> already seen.</summary>
    IReadOnlySet<string> Seen(IEnumerable<string> keys);

    /// <summary>Records new states of sources and items seen, all or nothing.</summary>
    void Commit(IEnumerable<SourceState> sources, IEnumerable<SeenItem> seen);
}
