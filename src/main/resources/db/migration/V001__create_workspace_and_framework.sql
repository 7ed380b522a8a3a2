-- A workspace is one strategy of one municipality (or of several together).
CREATE TABLE workspace (
    id           INTEGER PRIMARY KEY,
    slug         TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL,
    full_name    TEXT    NOT NULL DEFAULT '',
    municipality TEXT    NOT NULL,
    published    TEXT    NOT NULL DEFAULT '',
    plan_from    INTEGER NOT NULL,
    plan_to      INTEGER NOT NULL,
    description  TEXT    NOT NULL DEFAULT '',
    source       TEXT    NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    CHECK (plan_to >= plan_from)
);

-- The labels of the framework's levels differ per municipality (政策分野 / 基本目標 / 重点戦略 …).
-- depth 1 is the top; the deepest label names the project level.
CREATE TABLE framework_level (
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    depth        INTEGER NOT NULL CHECK (depth >= 1),
    label        TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, depth)
);

CREATE TABLE framework_node (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES framework_node (id) ON DELETE CASCADE,
    depth        INTEGER NOT NULL CHECK (depth >= 1),
    code         TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    description  TEXT    NOT NULL DEFAULT '',
    position     INTEGER NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (workspace_id, code)
);
CREATE INDEX framework_node_parent ON framework_node (parent_id);

CREATE TABLE project (
    id               INTEGER PRIMARY KEY,
    workspace_id     INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    node_id          INTEGER NOT NULL REFERENCES framework_node (id) ON DELETE RESTRICT,
    code             TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    description      TEXT    NOT NULL DEFAULT '',
    experience_chain INTEGER NOT NULL DEFAULT 0 CHECK (experience_chain IN (0, 1)),
    position         INTEGER NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    UNIQUE (workspace_id, code)
);
CREATE INDEX project_node ON project (node_id);

-- 事業費見込 per fiscal year, in thousand yen.
CREATE TABLE budget (
    project_id   INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    fiscal_year  INTEGER NOT NULL,
    thousand_yen INTEGER NOT NULL CHECK (thousand_yen >= 0),
    PRIMARY KEY (project_id, fiscal_year)
);

-- 役割分担: what each partner municipality does in a joint project.
CREATE TABLE project_role (
    project_id   INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    municipality TEXT    NOT NULL,
    role         TEXT    NOT NULL,
    PRIMARY KEY (project_id, municipality)
);
