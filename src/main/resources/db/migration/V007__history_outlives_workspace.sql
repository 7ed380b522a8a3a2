-- The audit history must outlive what it describes: deleting a workspace may not cascade into its
-- history (SQLite cannot drop a foreign key in place, hence the rebuild). A revert is itself a change
-- and points at the change it undid; the undone change points back, so trash and timeline can tell.
CREATE TABLE change_log_new (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER,
    changed_at   TEXT    NOT NULL,
    changed_by   TEXT    NOT NULL,
    entity       TEXT    NOT NULL,
    entity_id    INTEGER,
    operation    TEXT    NOT NULL,
    summary      TEXT    NOT NULL DEFAULT '',
    before_json  TEXT,
    after_json   TEXT,
    reverts_id   INTEGER REFERENCES change_log_new (id),
    reverted_by  INTEGER REFERENCES change_log_new (id)
);
INSERT INTO change_log_new (id, workspace_id, changed_at, changed_by, entity, entity_id, operation, summary, before_json, after_json)
SELECT id, workspace_id, changed_at, changed_by, entity, entity_id, operation, summary, before_json, after_json FROM change_log;
DROP TABLE change_log;
ALTER TABLE change_log_new RENAME TO change_log;
CREATE INDEX change_log_entity ON change_log (entity, entity_id);
CREATE INDEX change_log_workspace ON change_log (workspace_id, id);
