-- Vigie store, version 6: where and when each mention lies, so that fusion reads only the mentions near the
-- new ones (StoreFusion.Update): first and last day (day numbers), coordinates, cell of a 0.25° grid and the
-- folded place name with its country (FusionBlock). Mentions stored before this version get them when the store
-- is next opened for writing (meta.fusion_blocks_missing).
ALTER TABLE event_mentions ADD COLUMN fuse_first INTEGER;
ALTER TABLE event_mentions ADD COLUMN fuse_last INTEGER;
ALTER TABLE event_mentions ADD COLUMN fuse_lat REAL;
ALTER TABLE event_mentions ADD COLUMN fuse_lon REAL;
ALTER TABLE event_mentions ADD COLUMN fuse_y INTEGER;
ALTER TABLE event_mentions ADD COLUMN fuse_x INTEGER;
ALTER TABLE event_mentions ADD COLUMN fuse_name TEXT;
CREATE INDEX event_mentions_fuse_grid ON event_mentions(type, fuse_y, fuse_first, fuse_x) WHERE fuse_y IS NOT NULL;
CREATE INDEX event_mentions_fuse_name ON event_mentions(type, fuse_name, fuse_first) WHERE fuse_name IS NOT NULL;
INSERT INTO meta(key, value) SELECT 'fusion_blocks_missing', '1' WHERE EXISTS (SELECT 1 FROM event_mentions);
