-- Vigie PostgreSQL store, version 5, for event pages, as SQLite's 0008. The source filter finds the distinct folded
-- source names by seeking from one to the next in this index, tests each with LIKE, and reads the events of the
-- matching mentions as ranges of the same index, instead of reading every mention's source.
CREATE INDEX event_mentions_source_key ON event_mentions(source_key, event_id);
-- store_version.event_days_max, as SQLite's meta.event_days_max: the most days between the first and the last day of
-- any event written (never decreases), so that a filter "from D" reads the listing index from D minus that many days.
ALTER TABLE store_version ADD COLUMN event_days_max integer NOT NULL DEFAULT 0;
UPDATE store_version SET event_days_max = COALESCE((SELECT MAX(day_last - day_first) FROM events), 0);
