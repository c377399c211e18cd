-- Vigie store, version 3: a country's events in listing order, so that a page of one country is read
-- from the index without sorting all of its events.
CREATE INDEX events_country_page ON events(country, day_first IS NULL, day_first, number);
