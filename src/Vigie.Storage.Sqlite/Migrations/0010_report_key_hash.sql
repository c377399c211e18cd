-- Vigie store, version 10: a casualty report is looked up by a 64-bit digest of its key (ReportKey.Hash, the SQL function
-- vigie_report_key_hash while migrating) instead of by the key's text through a unique index. The keys come in no order, so
-- every batch of the ingest dirtied a page of that index per new report, and it was the largest index of the store (a
-- fifth of the pages the ingest wrote); eight-byte numbers make an index a sixth its size. The key stays as a column, and
-- a look-up compares it too (two keys may share a digest). SQLite cannot drop a column's UNIQUE, so the table is rebuilt
-- (the migrations run with foreign keys off, so that dropping the old table does not cascade to its figures and mentions).
CREATE TABLE casualty_reports_v10 (
    id           INTEGER PRIMARY KEY,
    report_key   TEXT NOT NULL,
    source       TEXT,
    scope        TEXT NOT NULL,
    period_start TEXT,
    period_end   TEXT,
    area_name    TEXT,
    area_country TEXT,
    report_json  TEXT NOT NULL,
    key_hash     INTEGER NOT NULL
);
INSERT INTO casualty_reports_v10(id, report_key, source, scope, period_start, period_end, area_name, area_country, report_json, key_hash)
    SELECT id, report_key, source, scope, period_start, period_end, area_name, area_country, report_json, vigie_report_key_hash(report_key)
    FROM casualty_reports ORDER BY id;
DROP TABLE casualty_reports;
ALTER TABLE casualty_reports_v10 RENAME TO casualty_reports;
CREATE INDEX casualty_reports_key_hash ON casualty_reports(key_hash);
