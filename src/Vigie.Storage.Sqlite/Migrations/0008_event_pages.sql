-- Vigie store, version 8, for event pages. The source filter reads the mentions of the matching sources only: the
-- distinct folded source names are found by seeking from one to the next in this index (a few look-ups per source,
-- not a read of every mention), the name test runs on those, and the matching mentions' events are a range of the
-- index per name (a count), or a seek per event and name (a page that stops after its rows). It replaces
-- event_mentions_source (0002), which the filter had to read whole.
CREATE INDEX event_mentions_source_key ON event_mentions(source_key, event_id);
DROP INDEX event_mentions_source;
-- meta.event_days_max: the most days between the first and the last day of any event written (it never decreases).
-- A filter "from D" matches events whose last day is on or after D, so their first day is at most that many days
-- before D: the listing index is then read from there, not from its start.
INSERT OR REPLACE INTO meta(key, value)
    SELECT 'event_days_max', COALESCE(MAX(CAST(julianday(day_last) - julianday(day_first) AS INTEGER)), 0) FROM events;
