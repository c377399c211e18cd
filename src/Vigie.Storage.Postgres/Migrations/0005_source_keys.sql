-- Vigie PostgreSQL store, version 5, as SQLite's 0008: the source filter of event pages finds the distinct folded
-- source names by seeking from one to the next in this index, tests each with LIKE, and reads the events of the
-- matching mentions as ranges of the same index, instead of reading every mention's source.
CREATE INDEX event_mentions_source_key ON event_mentions(source_key, event_id);
