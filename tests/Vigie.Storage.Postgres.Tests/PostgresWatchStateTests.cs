using Vigie.Storage.Postgres;
using Vigie.Watch;

namespace Vigie.Tests;

/// <summary>The watcher's state in PostgreSQL survives closing the store; a commit updates sources and never repeats an item.</summary>
public class PostgresWatchStateTests
{
    [Fact]
    public void Commit_ThenReopen_KeepsValidatorsBackoffAndSeenItems()
    {
        using var db = new TestPostgres();
        var retry = new DateTimeOffset(2026, 12, 1, 12, 5, 0, TimeSpan.Zero);
        using (var store = PostgresStore.Open(db.Url))
        {
            var state = new PostgresWatchState(store);
            state.Commit(
                [
                    new SourceState { Source = "https://b.example/rss", ETag = "\"v7\"", LastModified = "Tue, 14 May 2019 08:00:00 GMT", Documents = 3, LastStatus = "200, 3 new" },
                    new SourceState { Source = "https://a.example/feed", Failures = 2, RetryAfter = retry, LastStatus = "HTTP 500" },
                ],
                [new SeenItem("url:https://b.example/1", "https://b.example/rss"), new SeenItem("hash:abc", "https://b.example/rss")]);
            state.Commit([new SourceState { Source = "https://b.example/rss", ETag = "\"v8\"", Documents = 4 }], [new SeenItem("hash:abc", "https://b.example/rss")]);
        }
        using (var store = PostgresStore.Open(db.Url))
        {
            var state = new PostgresWatchState(store);
            Assert.Equal(["https://a.example/feed", "https://b.example/rss"], state.Sources().Select(s => s.Source).ToArray());
            var a = state.Source("https://a.example/feed")!;
            Assert.Equal(2, a.Failures);
            Assert.Equal(retry, a.RetryAfter);
            var b = state.Source("https://b.example/rss")!;
            Assert.Equal("\"v8\"", b.ETag);
            Assert.Equal(4, b.Documents);
            Assert.Equal(new HashSet<string> { "url:https://b.example/1", "hash:abc" }, state.Seen(["url:https://b.example/1", "hash:abc", "hash:other"]).ToHashSet());
            Assert.Equal(2L, (long)db.Scalar("SELECT count(*) FROM watch_seen")!);
            Assert.Null(state.Source("https://c.example/none"));
        }
    }
}
