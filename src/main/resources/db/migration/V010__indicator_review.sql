-- indicators and the yearly review (PDCA), and frameworks of any municipality.
-- (Written as V010 in the brief; V009 here because migrations must stay contiguous. The lead renumbers at merge.)

-- Indicators gain the direction REACH (a value to reach, e.g. 「制度を導入」 = 1) and a lineage key that follows
-- one indicator across the strategies (plan periods) of a municipality. SQLite cannot change a CHECK, so the
-- table is rebuilt; ALTER TABLE … RENAME rewrites the references of actual and evaluation to the old table,
-- which are rebuilt below to point at the new one before the old one is dropped.
ALTER TABLE indicator RENAME TO indicator_old;
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
    direction          TEXT    NOT NULL DEFAULT 'INCREASE'
                               CHECK (direction IN ('INCREASE', 'DECREASE', 'MAINTAIN', 'REACH')),
    baseline_value     REAL,
    baseline_text      TEXT    NOT NULL DEFAULT '',
    baseline_year      TEXT    NOT NULL DEFAULT '',
    baseline_source    TEXT    NOT NULL DEFAULT '',
    target_value       REAL,
    target_text        TEXT    NOT NULL DEFAULT '',
    target_fiscal_year INTEGER,
    version            INTEGER NOT NULL DEFAULT 1,
    lineage            TEXT    NOT NULL DEFAULT '',
    CHECK ((node_id IS NOT NULL) + (project_id IS NOT NULL) + (challenge_id IS NOT NULL) = 1)
);
INSERT INTO indicator (id, workspace_id, kind, node_id, project_id, challenge_id, position, name, unit, direction,
                       baseline_value, baseline_text, baseline_year, baseline_source, target_value, target_text,
                       target_fiscal_year, version)
SELECT id, workspace_id, kind, node_id, project_id, challenge_id, position, name, unit, direction,
       baseline_value, baseline_text, baseline_year, baseline_source, target_value, target_text,
       target_fiscal_year, version
FROM indicator_old;
DROP INDEX indicator_node;
DROP INDEX indicator_project;
DROP INDEX indicator_challenge;
CREATE INDEX indicator_node ON indicator (node_id);
CREATE INDEX indicator_project ON indicator (project_id);
CREATE INDEX indicator_challenge ON indicator (challenge_id);
CREATE INDEX indicator_lineage ON indicator (lineage) WHERE lineage <> '';

-- Per indicator and fiscal year one value: the actual (実績値), a forecast (見込値) while the actual is not in,
-- or "cannot be assessed" with its reason (value empty). Each has the date the data refers to and its source.
-- Rows get an id and a version so that the review grid can save them with the usual conflict check.
ALTER TABLE actual RENAME TO actual_old;
CREATE TABLE actual (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    fiscal_year  INTEGER NOT NULL,
    state        TEXT    NOT NULL DEFAULT 'ACTUAL' CHECK (state IN ('ACTUAL', 'FORECAST', 'NOT_ASSESSABLE')),
    value        REAL,
    data_date    TEXT    NOT NULL DEFAULT '',
    source       TEXT    NOT NULL DEFAULT '',
    note         TEXT    NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (indicator_id, fiscal_year),
    CHECK ((state = 'NOT_ASSESSABLE') = (value IS NULL))
);
INSERT INTO actual (indicator_id, fiscal_year, state, value, note, version)
SELECT indicator_id, fiscal_year, 'ACTUAL', value, note, version FROM actual_old;
DROP TABLE actual_old;

-- The review of an indicator for a fiscal year: the computed grade overridden (with the reason), the external
-- panel's (有識者会議) comment, the department's comment and the next action. Earlier evaluations become
-- overrides with their comment as the reason.
CREATE TABLE indicator_review (
    id                 INTEGER PRIMARY KEY,
    indicator_id       INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    fiscal_year        INTEGER NOT NULL,
    grade_override     TEXT    NOT NULL DEFAULT '',
    override_reason    TEXT    NOT NULL DEFAULT '',
    panel_comment      TEXT    NOT NULL DEFAULT '',
    department_comment TEXT    NOT NULL DEFAULT '',
    next_action        TEXT    NOT NULL DEFAULT ''
                               CHECK (next_action IN ('', 'EXPAND', 'REVISE', 'CONTINUE', 'STOP', 'END')),
    version            INTEGER NOT NULL DEFAULT 1,
    UNIQUE (indicator_id, fiscal_year)
);
ALTER TABLE evaluation RENAME TO evaluation_old;
INSERT INTO indicator_review (indicator_id, fiscal_year, grade_override, override_reason)
SELECT indicator_id, fiscal_year, grade, comment FROM evaluation_old;
-- evaluation keeps its name for code that counts it (the import report); it stays empty from now on.
CREATE TABLE evaluation (
    indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    fiscal_year  INTEGER NOT NULL,
    grade        TEXT    NOT NULL,
    comment      TEXT    NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (indicator_id, fiscal_year)
);
DROP TABLE evaluation_old;
DROP TABLE indicator_old;

-- Optional interim targets (中間目標) per fiscal year.
CREATE TABLE interim_target (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    fiscal_year  INTEGER NOT NULL,
    value        REAL    NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (indicator_id, fiscal_year)
);

-- The yearly review of a project (事業).
CREATE TABLE project_review (
    id                 INTEGER PRIMARY KEY,
    project_id         INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    fiscal_year        INTEGER NOT NULL,
    panel_comment      TEXT    NOT NULL DEFAULT '',
    department_comment TEXT    NOT NULL DEFAULT '',
    next_action        TEXT    NOT NULL DEFAULT ''
                               CHECK (next_action IN ('', 'EXPAND', 'REVISE', 'CONTINUE', 'STOP', 'END')),
    version            INTEGER NOT NULL DEFAULT 1,
    UNIQUE (project_id, fiscal_year)
);

-- How a workspace reviews: its evaluation scale (grades with the lowest achievement in percent each needs),
-- which achievement the grade follows, and how fiscal years are shown. No row: the defaults.
CREATE TABLE review_setting (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL UNIQUE REFERENCES workspace (id) ON DELETE CASCADE,
    scale        TEXT    NOT NULL,
    basis        TEXT    NOT NULL DEFAULT 'TARGET' CHECK (basis IN ('TARGET', 'PROGRESS')),
    year_style   TEXT    NOT NULL DEFAULT 'WAREKI_WESTERN',
    version      INTEGER NOT NULL DEFAULT 1
);

-- The code pattern of each framework level (9 = a digit, A = a letter, * = anything; other characters as written).
CREATE TABLE framework_code_pattern (
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    depth        INTEGER NOT NULL CHECK (depth >= 1),
    pattern      TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, depth)
);

-- 事業費見込 split by funding source (国庫支出金, 県支出金, 地方債, その他, 一般財源), thousand yen.
CREATE TABLE budget_source (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    fiscal_year  INTEGER NOT NULL,
    source       TEXT    NOT NULL CHECK (source IN ('NATIONAL', 'PREFECTURE', 'BOND', 'OTHER', 'GENERAL')),
    thousand_yen INTEGER NOT NULL CHECK (thousand_yen >= 0),
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (project_id, fiscal_year, source)
);

-- A project's roadmap: what is done in each fiscal year of the plan period.
CREATE TABLE roadmap_entry (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (project_id, fiscal_year)
);

-- 役割分担 of a joint strategy (定住自立圏): project_role gets an id, a version and each municipality's share
-- (percent of the cost), so that partners are edited like everything else.
ALTER TABLE project_role RENAME TO project_role_old;
CREATE TABLE project_role (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    municipality  TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    share_percent REAL CHECK (share_percent IS NULL OR (share_percent >= 0 AND share_percent <= 100)),
    version       INTEGER NOT NULL DEFAULT 1,
    UNIQUE (project_id, municipality)
);
INSERT INTO project_role (project_id, municipality, role)
SELECT project_id, municipality, role FROM project_role_old ORDER BY rowid;
DROP TABLE project_role_old;
