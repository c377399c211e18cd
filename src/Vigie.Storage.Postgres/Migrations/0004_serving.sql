-- Vigie PostgreSQL store, version 4: for `vigie serve` on many events, as SQLite's migration 0007. One row names
-- the state of the data (a store id and a write counter that every write a reader sees bumps, last before its
-- commit), for the API's cache and ETags; a page of one type or one subtype is read in listing order from an index.
CREATE TABLE store_version (
    store_id text NOT NULL,
    version  bigint NOT NULL
);
INSERT INTO store_version(store_id, version) VALUES (md5(random()::text || clock_timestamp()::text), 0);
CREATE INDEX events_type_page ON events(type, day_first NULLS LAST, number);
CREATE INDEX events_subtype_page ON events(subtype, day_first NULLS LAST, number);
