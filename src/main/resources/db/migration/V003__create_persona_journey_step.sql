CREATE TABLE persona (
    id              INTEGER PRIMARY KEY,
    workspace_id    INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    slug            TEXT    NOT NULL,
    label           TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    tagline         TEXT    NOT NULL DEFAULT '',
    profile         TEXT    NOT NULL DEFAULT '',
    story           TEXT    NOT NULL DEFAULT '',
    policy_field_id INTEGER REFERENCES framework_node (id) ON DELETE SET NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (workspace_id, slug)
);

CREATE TABLE persona_attribute (
    persona_id INTEGER NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    PRIMARY KEY (persona_id, position)
);

CREATE TABLE journey (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    persona_id   INTEGER NOT NULL REFERENCES persona (id) ON DELETE CASCADE,
    slug         TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (workspace_id, slug)
);
CREATE INDEX journey_persona ON journey (persona_id);

CREATE TABLE step (
    id            INTEGER PRIMARY KEY,
    journey_id    INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    title         TEXT    NOT NULL,
    emotion_text  TEXT    NOT NULL DEFAULT '',
    emotion_score INTEGER NOT NULL DEFAULT 0 CHECK (emotion_score BETWEEN -2 AND 2),
    pain_point    TEXT    NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    UNIQUE (journey_id, position)
);

-- What one or more actors do at one step (「・発行時に一言添える」).
CREATE TABLE action (
    id       INTEGER PRIMARY KEY,
    step_id  INTEGER NOT NULL REFERENCES step (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text     TEXT    NOT NULL DEFAULT '',
    version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX action_step ON action (step_id);

CREATE TABLE action_actor (
    action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    actor_id  INTEGER NOT NULL REFERENCES actor (id) ON DELETE RESTRICT,
    position  INTEGER NOT NULL,
    PRIMARY KEY (action_id, actor_id)
);
CREATE INDEX action_actor_actor ON action_actor (actor_id);
