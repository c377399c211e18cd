-- Vigie store, version 2: indexes for paging and filtering many events (vigie serve, /api/events).
-- events_page follows the listing order of Events()/EventPage() and carries every filter column, so a
-- page is read from the index alone and only its own rows are fetched; event_mentions_source lets the
-- source filter check a mention without reading its stored JSON.
CREATE INDEX events_page ON events(day_first IS NULL, day_first, number, country, type, subtype, lat, lon, day_last, actor1_id, actor2_id, fatalities_best);
CREATE INDEX event_mentions_source ON event_mentions(event_id, source_key);
