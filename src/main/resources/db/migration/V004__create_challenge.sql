-- 課題N: a numbered problem spanning one or more steps.
CREATE TABLE challenge (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL CHECK (number >= 1),
    title        TEXT    NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (workspace_id, number)
);

CREATE TABLE challenge_evidence (
    challenge_id INTEGER NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    PRIMARY KEY (challenge_id, position)
);

-- 手法
CREATE TABLE challenge_approach (
    challenge_id INTEGER NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    PRIMARY KEY (challenge_id, position)
);

CREATE TABLE step_challenge (
    step_id      INTEGER NOT NULL REFERENCES step (id) ON DELETE CASCADE,
    challenge_id INTEGER NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    PRIMARY KEY (step_id, challenge_id)
);
CREATE INDEX step_challenge_challenge ON step_challenge (challenge_id);

-- basis: DOCUMENT when the source states the link, READING when it only implies it.
CREATE TABLE challenge_project (
    challenge_id INTEGER NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    project_id   INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    basis        TEXT    NOT NULL CHECK (basis IN ('DOCUMENT', 'READING')),
    note         TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (challenge_id, project_id)
);
CREATE INDEX challenge_project_project ON challenge_project (project_id);
