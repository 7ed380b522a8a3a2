-- A roadmap is a grid as the source documents print it: several rows (取組, e.g. 「施設整備」「利用促進」) × fiscal-year
-- columns, each cell a short text. A project may therefore have several entries for the same fiscal year, one per
-- row; the row's name is the track ('' for a roadmap of a single row, as before).
ALTER TABLE roadmap_entry RENAME TO roadmap_entry_old;
CREATE TABLE roadmap_entry (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    track       TEXT    NOT NULL DEFAULT '',
    fiscal_year INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (project_id, track, fiscal_year)
);
INSERT INTO roadmap_entry (id, project_id, track, fiscal_year, text, version)
    SELECT id, project_id, '', fiscal_year, text, version FROM roadmap_entry_old;
DROP TABLE roadmap_entry_old;

-- How a workspace writes negative numbers on its pages: −500, △500 or ▲500, as its documents do.
ALTER TABLE review_setting ADD COLUMN negative_sign TEXT NOT NULL DEFAULT 'MINUS'
    CHECK (negative_sign IN ('MINUS', 'WHITE_TRIANGLE', 'BLACK_TRIANGLE'));
