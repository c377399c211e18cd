-- Vigie store on PostgreSQL, version 1: the tables of the SQLite store (its versions 1 to 4) with the
-- types PostgreSQL offers: events located as PostGIS geography points (GiST index), documents searchable
-- by a tsvector built with their language's text search configuration (GIN index). Spans and records stay
-- JSON text, written and read back byte for byte as SQLite keeps them.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE documents (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_hash  text NOT NULL UNIQUE,          -- SHA-256 of the whitespace-normalised text
    doc_id        text NOT NULL,                 -- the id the input gave
    date          text,                          -- YYYY, YYYY-MM or YYYY-MM-DD
    precision     text,                          -- year | month | day
    date_resolved text,
    lang          text,
    url           text,
    title         text,
    source        text,                          -- the outlet
    text          text NOT NULL,
    origin_file   text,
    origin_line   integer,
    run_id        text NOT NULL,
    record_json   text NOT NULL,                 -- the full extraction record of the format
    ts_config     regconfig NOT NULL DEFAULT 'simple',  -- from the language pack (language.tsv, kind text_search)
    search        tsvector GENERATED ALWAYS AS
                  (setweight(to_tsvector(ts_config, coalesce(title, '')), 'A') || to_tsvector(ts_config, text)) STORED
);
CREATE INDEX documents_doc_id ON documents(doc_id);
CREATE INDEX documents_search ON documents USING gin (search);

CREATE TABLE actors (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name     text NOT NULL,
    name_key text NOT NULL,                      -- folded name, for search
    kind     text,
    country  text,
    UNIQUE NULLS NOT DISTINCT (name, kind, country)
);

CREATE TABLE places (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    country     text,
    admin1      text,
    lat         double precision,
    lon         double precision,
    geonames_id bigint,
    precision   integer,
    UNIQUE NULLS NOT DISTINCT (name, country, admin1, lat, lon)
);

-- Fused events: rebuilt from the mentions by fusion (one fusion at a time: an advisory lock).
CREATE TABLE events (
    id              text PRIMARY KEY,            -- ev-… stable over re-fusions of the same mentions
    number          bigint NOT NULL UNIQUE,
    type            text NOT NULL,
    subtype         text,
    date_start      text,
    date_end        text,
    day_first       date,                        -- first and last calendar day covered, for filters
    day_last        date,
    place_id        bigint REFERENCES places(id),
    country         text,
    lat             double precision,
    lon             double precision,
    location        geography(Point, 4326),      -- lon/lat as a point, for distance searches
    actor1_id       bigint REFERENCES actors(id),
    actor2_id       bigint REFERENCES actors(id),
    modality        text NOT NULL,
    optional        boolean NOT NULL DEFAULT false,
    fatalities_low  integer,
    fatalities_best integer,
    fatalities_high integer,
    mention_count   integer NOT NULL,
    event_json      text NOT NULL                -- the agreed event in the record format
);
CREATE INDEX events_page ON events(day_first NULLS LAST, number);
CREATE INDEX events_country_page ON events(country, day_first NULLS LAST, number);
CREATE INDEX events_location ON events USING gist (location);

-- One document's report of one event, linked to its fused event (NULL until a fusion has seen it).
CREATE TABLE event_mentions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mention_key text NOT NULL UNIQUE,            -- content_hash:rank
    document_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    rank        integer NOT NULL,
    event_id    text REFERENCES events(id) ON DELETE SET NULL,
    type        text NOT NULL,
    subtype     text,
    date_start  text,
    date_end    text,
    place_id    bigint REFERENCES places(id),
    actor1_id   bigint REFERENCES actors(id),
    actor2_id   bigint REFERENCES actors(id),
    source      text,                            -- who makes the claim (named source, else the outlet)
    source_key  text,                            -- folded, for search
    reliability integer NOT NULL,
    modality    text NOT NULL,
    fatalities  integer,                         -- this source's fatality claim
    evidence    text NOT NULL,                   -- JSON spans of the event
    event_json  text NOT NULL                    -- the extracted event with its field evidence
);
CREATE INDEX event_mentions_event ON event_mentions(event_id, source_key);
CREATE INDEX event_mentions_document ON event_mentions(document_id);
-- mentions no fusion has linked yet: "fusion pending" is that this index is not empty
CREATE INDEX event_mentions_unfused ON event_mentions(id) WHERE event_id IS NULL;

CREATE TABLE casualty_reports (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_key   text NOT NULL UNIQUE,
    source       text,
    scope        text NOT NULL,
    period_start text,
    period_end   text,
    area_name    text,
    area_country text,
    report_json  text NOT NULL
);

CREATE TABLE casualty_report_mentions (
    report_id   bigint NOT NULL REFERENCES casualty_reports(id) ON DELETE CASCADE,
    document_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    evidence    text NOT NULL,
    PRIMARY KEY (report_id, document_id)
);

CREATE TABLE figures (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id    bigint NOT NULL REFERENCES casualty_reports(id) ON DELETE CASCADE,
    outcome      text NOT NULL,
    victim_group text NOT NULL,
    named_group  text,
    count        bigint NOT NULL,
    bound        text NOT NULL,
    low          bigint,
    high         bigint,
    evidence     text NOT NULL
);
CREATE INDEX figures_report ON figures(report_id);

CREATE TABLE republications (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id  bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    doc_id       text NOT NULL,
    url          text,
    source       text,
    date         text,
    origin_file  text,
    origin_line  integer,
    run_id       text NOT NULL
);
CREATE UNIQUE INDEX republications_key ON republications(document_id, doc_id, COALESCE(url, ''), COALESCE(source, ''), COALESCE(date, ''));

CREATE TABLE ingest_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id       text NOT NULL,
    at           timestamptz NOT NULL,
    file         text,
    line         integer,
    status       text NOT NULL,                  -- new | known | republished | rejected | warning
    content_hash text,
    message      text
);
CREATE INDEX ingest_log_run ON ingest_log(run_id);
