-- Vigie store, version 8: the source filter of event pages reads the mentions of the matching sources only. The
-- distinct folded source names are found by seeking from one to the next in this index (a few look-ups per
-- source, not a read of every mention), the name test runs on those, and the matching mentions' events are a
-- range of the index per name (a count), or a seek per event and name (a page that stops after its rows). It
-- replaces event_mentions_source (0002), which the filter had to read whole.
CREATE INDEX event_mentions_source_key ON event_mentions(source_key, event_id);
DROP INDEX event_mentions_source;
