-- Goal indicators hang on a framework node, KPIs on a node or a project, action indicators on a challenge.
CREATE TABLE indicator (
    id                 INTEGER PRIMARY KEY,
    workspace_id       INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    kind               TEXT    NOT NULL CHECK (kind IN ('GOAL', 'KPI', 'ACTION')),
    node_id            INTEGER REFERENCES framework_node (id) ON DELETE CASCADE,
    project_id         INTEGER REFERENCES project (id) ON DELETE CASCADE,
    challenge_id       INTEGER REFERENCES challenge (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    name               TEXT    NOT NULL,
    unit               TEXT    NOT NULL DEFAULT '',
    direction          TEXT    NOT NULL DEFAULT 'INCREASE' CHECK (direction IN ('INCREASE', 'DECREASE', 'MAINTAIN')),
    baseline_value     REAL,
    baseline_text      TEXT    NOT NULL DEFAULT '',
    baseline_year      TEXT    NOT NULL DEFAULT '',
    baseline_source    TEXT    NOT NULL DEFAULT '',
    target_value       REAL,
    target_text        TEXT    NOT NULL DEFAULT '',
    target_fiscal_year INTEGER,
    version            INTEGER NOT NULL DEFAULT 1,
    CHECK ((node_id IS NOT NULL) + (project_id IS NOT NULL) + (challenge_id IS NOT NULL) = 1)
);
CREATE INDEX indicator_node ON indicator (node_id);
CREATE INDEX indicator_project ON indicator (project_id);
CREATE INDEX indicator_challenge ON indicator (challenge_id);

-- 実績値: one per fiscal year.
CREATE TABLE actual (
    indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    fiscal_year  INTEGER NOT NULL,
    value        REAL    NOT NULL,
    note         TEXT    NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (indicator_id, fiscal_year)
);

-- 評価 (A–D) of an indicator for a fiscal year.
CREATE TABLE evaluation (
    indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    fiscal_year  INTEGER NOT NULL,
    grade        TEXT    NOT NULL,
    comment      TEXT    NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (indicator_id, fiscal_year)
);
