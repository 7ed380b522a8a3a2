-- Real plans number each level on its own (基本目標1, 2, 3 and under them 戦略1, 2, 3 …): a code is unique within
-- one level of a workspace's framework, no longer across all of its levels. SQLite cannot change a table's UNIQUE
-- constraint, so the table is rebuilt (new table, copy, drop, rename), keeping every id.
--
-- The rebuild runs outside Flyway's transaction (V022__…sql.conf) because dropping a table while foreign keys are
-- enforced first deletes its rows as a DELETE would: projects would refuse it (RESTRICT), and the indicators of
-- the nodes would go with them (CASCADE), the personas would lose their policy field (SET NULL). With the
-- enforcement off for the rebuild, the rows that point at framework_node (framework_node.parent_id, project.node_id,
-- persona.policy_field_id, indicator.node_id, indicator_review.node_id) keep their ids,
-- which the new table keeps too; the check before the commit refuses the whole rebuild if any reference broke.
PRAGMA foreign_keys = OFF;

SAVEPOINT framework_codes_within_a_level;

CREATE TABLE framework_node_rebuilt (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES framework_node (id) ON DELETE CASCADE,
    depth        INTEGER NOT NULL CHECK (depth >= 1),
    code         TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    description  TEXT    NOT NULL DEFAULT '',
    position     INTEGER NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (workspace_id, depth, code)
);

INSERT INTO framework_node_rebuilt (id, workspace_id, parent_id, depth, code, title, description, position, version)
SELECT id, workspace_id, parent_id, depth, code, title, description, position, version FROM framework_node;

DROP TABLE framework_node;

ALTER TABLE framework_node_rebuilt RENAME TO framework_node;

CREATE INDEX framework_node_parent ON framework_node (parent_id);

-- No row may point at a node that is not there: a broken reference fails this insert (CHECK), and with it the
-- migration, before anything is committed.
CREATE TEMP TABLE framework_rebuild_check (broken INTEGER NOT NULL CHECK (broken = 0));
INSERT INTO framework_rebuild_check SELECT COUNT(*) FROM pragma_foreign_key_check;
DROP TABLE framework_rebuild_check;

RELEASE framework_codes_within_a_level;

PRAGMA foreign_keys = ON;
