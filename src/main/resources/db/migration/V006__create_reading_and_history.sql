-- What a transcriber interpreted where the source document is silent (emotion scores, implied links).
-- subject_type: WORKSPACE, PERSONA, JOURNEY, CHALLENGE, PROJECT; subject_id: that row's id.
CREATE TABLE reading (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    subject_type TEXT    NOT NULL,
    subject_id   INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    text         TEXT    NOT NULL
);
CREATE INDEX reading_subject ON reading (subject_type, subject_id);

-- The audit history: every change, written in the same transaction as the change itself.
CREATE TABLE change_log (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER REFERENCES workspace (id) ON DELETE CASCADE,
    changed_at   TEXT    NOT NULL,
    changed_by   TEXT    NOT NULL,
    entity       TEXT    NOT NULL,
    entity_id    INTEGER,
    operation    TEXT    NOT NULL,
    summary      TEXT    NOT NULL DEFAULT '',
    before_json  TEXT,
    after_json   TEXT
);
CREATE INDEX change_log_entity ON change_log (entity, entity_id);
