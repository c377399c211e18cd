-- Vigie store, version 5: what `vigie watch` remembers between polls, so that a restart does not
-- read every feed again. One row per source (a feed address or a watched folder) and one per item
-- already taken (key "url:ADDRESS", "hash:CONTENT_HASH" or "file:PATH:SIZE:MTIME").
CREATE TABLE watch_sources (
    source        TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    last_poll     TEXT,                          -- ISO 8601, UTC
    last_success  TEXT,
    failures      INTEGER NOT NULL DEFAULT 0,    -- errors in a row
    retry_after   TEXT,                          -- not polled before this time after an error
    last_status   TEXT,
    documents     INTEGER NOT NULL DEFAULT 0     -- documents this source has given in all
);
CREATE TABLE watch_seen (
    key        TEXT PRIMARY KEY,
    source     TEXT NOT NULL,
    first_seen TEXT NOT NULL
) WITHOUT ROWID;
