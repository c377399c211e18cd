-- Vigie store, version 9: a mention is unique by its document's row and its rank, an index whose keys come in the order
-- the ingest writes them (each batch appends at its end), instead of by its text key (content hash and rank), whose keys fell
-- all over an index of its own: every batch dirtied a page of it per mention. The text key stays as a column (it names
-- the mention in exports and fusion); it is unique because the content hash is. The unique index also serves the look-ups
-- by document that event_mentions_document served. SQLite cannot drop a column's UNIQUE, so the table is rebuilt.
CREATE TABLE event_mentions_v9 (
    id          INTEGER PRIMARY KEY,
    mention_key TEXT NOT NULL,                   -- content_hash:rank
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    rank        INTEGER NOT NULL,
    event_id    TEXT REFERENCES events(id) ON DELETE SET NULL,
    type        TEXT NOT NULL,
    subtype     TEXT,
    date_start  TEXT,
    date_end    TEXT,
    place_id    INTEGER REFERENCES places(id),
    actor1_id   INTEGER REFERENCES actors(id),
    actor2_id   INTEGER REFERENCES actors(id),
    source      TEXT,                            -- who makes the claim (named source, else the outlet)
    source_key  TEXT,                            -- folded, for search
    reliability INTEGER NOT NULL,
    modality    TEXT NOT NULL,
    fatalities  INTEGER,                         -- this source's fatality claim
    evidence    TEXT NOT NULL,                   -- JSON spans of the event
    event_json  TEXT NOT NULL,                   -- the extracted event with its field evidence
    fuse_first  INTEGER,                         -- fusion blocks (0006)
    fuse_last   INTEGER,
    fuse_lat    REAL,
    fuse_lon    REAL,
    fuse_y      INTEGER,
    fuse_x      INTEGER,
    fuse_name   TEXT
);
INSERT INTO event_mentions_v9(id, mention_key, document_id, rank, event_id, type, subtype, date_start, date_end, place_id, actor1_id, actor2_id,
                              source, source_key, reliability, modality, fatalities, evidence, event_json,
                              fuse_first, fuse_last, fuse_lat, fuse_lon, fuse_y, fuse_x, fuse_name)
    SELECT id, mention_key, document_id, rank, event_id, type, subtype, date_start, date_end, place_id, actor1_id, actor2_id,
           source, source_key, reliability, modality, fatalities, evidence, event_json,
           fuse_first, fuse_last, fuse_lat, fuse_lon, fuse_y, fuse_x, fuse_name
    FROM event_mentions ORDER BY id;
DROP TABLE event_mentions;
ALTER TABLE event_mentions_v9 RENAME TO event_mentions;
CREATE UNIQUE INDEX event_mentions_document_rank ON event_mentions(document_id, rank);
CREATE INDEX event_mentions_event ON event_mentions(event_id);
CREATE INDEX event_mentions_fuse_grid ON event_mentions(type, fuse_y, fuse_first, fuse_x) WHERE fuse_y IS NOT NULL;
CREATE INDEX event_mentions_fuse_name ON event_mentions(type, fuse_name, fuse_first) WHERE fuse_name IS NOT NULL;
CREATE INDEX event_mentions_source_key ON event_mentions(source_key, event_id);
-- a bulk load that stopped with the source index set aside (SqliteStore.BulkLoad): it was built again just above
UPDATE meta SET value = (SELECT json_group_array(j.value) FROM json_each(meta.value) j WHERE j.value NOT LIKE '%event_mentions_source_key%')
    WHERE key = 'indexes_aside';
