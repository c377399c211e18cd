-- Vigie store on PostgreSQL, version 2: what `vigie watch` remembers between polls (SQLite's version 5),
-- so that a restart does not read every feed again. One row per source (a feed address or a watched
-- folder) and one per item already taken ("url:ADDRESS", "hash:CONTENT_HASH", "file:PATH:SIZE:MTIME").
-- Times are ISO 8601 text in UTC, as in SQLite.
CREATE TABLE watch_sources (
    source        text PRIMARY KEY,
    etag          text,
    last_modified text,
    last_poll     text,
    last_success  text,
    failures      integer NOT NULL DEFAULT 0,
    retry_after   text,
    last_status   text,
    documents     bigint NOT NULL DEFAULT 0
);
CREATE TABLE watch_seen (
    key        text PRIMARY KEY,
    source     text NOT NULL,
    first_seen text NOT NULL
);
