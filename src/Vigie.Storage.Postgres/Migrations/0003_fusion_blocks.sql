-- Vigie PostgreSQL store, version 3: where and when each mention lies, so that fusion reads only the mentions near
-- the new ones (StoreFusion.Update): first and last day (day numbers), coordinates, cell of a 0.25° grid and the
-- folded place name with its country (FusionBlock), as SQLite's migration 0006. Mentions stored before this version
-- get them when the store is next opened for writing (while fusion_blocks_missing holds a row).
ALTER TABLE event_mentions
    ADD COLUMN fuse_first integer,
    ADD COLUMN fuse_last  integer,
    ADD COLUMN fuse_lat   double precision,
    ADD COLUMN fuse_lon   double precision,
    ADD COLUMN fuse_y     integer,
    ADD COLUMN fuse_x     integer,
    ADD COLUMN fuse_name  text;
CREATE INDEX event_mentions_fuse_grid ON event_mentions(type, fuse_y, fuse_first, fuse_x) WHERE fuse_y IS NOT NULL;
CREATE INDEX event_mentions_fuse_name ON event_mentions(type, fuse_name, fuse_first) WHERE fuse_name IS NOT NULL;
CREATE TABLE fusion_blocks_missing AS SELECT 1 AS missing WHERE EXISTS (SELECT 1 FROM event_mentions);
