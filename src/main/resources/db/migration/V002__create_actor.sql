-- Who acts at a step: a government department (■行政) or a partner outside government (■行政以外).
CREATE TABLE actor (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('GOVERNMENT', 'PARTNER')),
    position     INTEGER NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (workspace_id, name)
);

CREATE TABLE project_lead_actor (
    project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    actor_id   INTEGER NOT NULL REFERENCES actor (id) ON DELETE RESTRICT,
    position   INTEGER NOT NULL,
    PRIMARY KEY (project_id, actor_id)
);
