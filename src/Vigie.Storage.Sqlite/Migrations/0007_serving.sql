-- Vigie store, version 7: for `vigie serve` on many events. A store id and a write counter (meta.data_version,
-- bumped by every write a reader sees) name a state of the data, for the API's cache and ETags; a page of one
-- type or one subtype is read in listing order from an index of its own, as a country's page (0003).
INSERT INTO meta(key, value) VALUES ('store_id', lower(hex(randomblob(8))));
INSERT INTO meta(key, value) VALUES ('data_version', '0') ON CONFLICT(key) DO NOTHING;
CREATE INDEX events_type_page ON events(type, day_first IS NULL, day_first, number);
CREATE INDEX events_subtype_page ON events(subtype, day_first IS NULL, day_first, number);
