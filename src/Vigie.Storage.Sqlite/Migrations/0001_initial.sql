-- Vigie store, version 1. Every table the ingest writes; spans are JSON arrays of [start, end]
-- (UTF-16 offsets into documents.text), queryable with json_each().

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    content_hash  TEXT NOT NULL UNIQUE,          -- SHA-256 of the whitespace-normalised text
    doc_id        TEXT NOT NULL,                 -- the id the input gave
    date          TEXT,                          -- YYYY, YYYY-MM or YYYY-MM-DD
    precision     TEXT,                          -- year | month | day
    date_resolved TEXT,
    lang          TEXT,
    url           TEXT,
    title         TEXT,
    source        TEXT,                          -- the outlet
    text          TEXT NOT NULL,
    origin_file   TEXT,
    origin_line   INTEGER,
    run_id        TEXT NOT NULL,
    record_json   TEXT NOT NULL                  -- the full extraction record of the format
);
CREATE INDEX documents_doc_id ON documents(doc_id);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TABLE actors (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL,                      -- folded name, for search
    kind     TEXT,
    country  TEXT,
    UNIQUE (name, kind, country)
);

CREATE TABLE places (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    country     TEXT,
    admin1      TEXT,
    lat         REAL,
    lon         REAL,
    geonames_id INTEGER,
    precision   INTEGER,
    UNIQUE (name, country, admin1, lat, lon)
);

-- Fused events: rebuilt from the mentions by fusion after each ingest.
CREATE TABLE events (
    id              TEXT PRIMARY KEY,            -- ev-… stable over re-fusions of the same mentions
    number          INTEGER NOT NULL UNIQUE,
    type            TEXT NOT NULL,
    subtype         TEXT,
    date_start      TEXT,
    date_end        TEXT,
    day_first       TEXT,                        -- first and last calendar day covered, for filters
    day_last        TEXT,
    place_id        INTEGER REFERENCES places(id),
    country         TEXT,
    lat             REAL,
    lon             REAL,
    actor1_id       INTEGER REFERENCES actors(id),
    actor2_id       INTEGER REFERENCES actors(id),
    modality        TEXT NOT NULL,
    optional        INTEGER NOT NULL DEFAULT 0,
    fatalities_low  INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    mention_count   INTEGER NOT NULL,
    event_json      TEXT NOT NULL                -- the agreed event in the record format
);
CREATE INDEX events_country_day ON events(country, day_first);
CREATE INDEX events_day ON events(day_first, day_last);

-- One document's report of one event (the extracted event), linked to its fused event.
CREATE TABLE event_mentions (
    id          INTEGER PRIMARY KEY,
    mention_key TEXT NOT NULL UNIQUE,            -- content_hash:rank
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
    event_json  TEXT NOT NULL                    -- the extracted event with its field evidence
);
CREATE INDEX event_mentions_event ON event_mentions(event_id);
CREATE INDEX event_mentions_document ON event_mentions(document_id);

-- Casualty reports: one per source and figure set (merged across documents), never added to events.
CREATE TABLE casualty_reports (
    id           INTEGER PRIMARY KEY,
    report_key   TEXT NOT NULL UNIQUE,
    source       TEXT,
    scope        TEXT NOT NULL,
    period_start TEXT,
    period_end   TEXT,
    area_name    TEXT,
    area_country TEXT,
    report_json  TEXT NOT NULL
);

CREATE TABLE casualty_report_mentions (
    report_id   INTEGER NOT NULL REFERENCES casualty_reports(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    evidence    TEXT NOT NULL,
    PRIMARY KEY (report_id, document_id)
);

CREATE TABLE figures (
    id          INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES casualty_reports(id) ON DELETE CASCADE,
    outcome     TEXT NOT NULL,
    victim_group TEXT NOT NULL,
    named_group TEXT,
    count       INTEGER NOT NULL,
    bound       TEXT NOT NULL,
    low         INTEGER,
    high        INTEGER,
    evidence    TEXT NOT NULL
);
CREATE INDEX figures_report ON figures(report_id);

CREATE TABLE ingest_log (
    id           INTEGER PRIMARY KEY,
    run_id       TEXT NOT NULL,
    at           TEXT NOT NULL,
    file         TEXT,
    line         INTEGER,
    status       TEXT NOT NULL,                  -- new | known | rejected | warning
    content_hash TEXT,
    message      TEXT
);
CREATE INDEX ingest_log_run ON ingest_log(run_id);

-- Store-wide flags (fusion_pending = 1 while mentions were added and events not yet rebuilt).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
