-- Vigie store, version 4: republications. A text already stored (same content hash) that comes again
-- under another id, URL, outlet or date is another appearance of the stored document: it is recorded
-- here and never extracted twice. One row per distinct appearance (NULLs compared as empty).
CREATE TABLE republications (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    doc_id       TEXT NOT NULL,                  -- the id the input gave
    url          TEXT,
    source       TEXT,                           -- the outlet
    date         TEXT,                           -- YYYY, YYYY-MM or YYYY-MM-DD
    origin_file  TEXT,
    origin_line  INTEGER,
    run_id       TEXT NOT NULL
);
CREATE UNIQUE INDEX republications_key ON republications(document_id, doc_id, COALESCE(url, ''), COALESCE(source, ''), COALESCE(date, ''));
