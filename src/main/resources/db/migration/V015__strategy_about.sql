-- The strategy around its chain: what a document says besides personas, journeys, challenges and the framework.
-- One row per workspace, left out when the files have no "about". Policy fields are named by their code, as in
-- the files, so a row never holds up the deletion of a framework node.
CREATE TABLE strategy_about (
    workspace_id        INTEGER PRIMARY KEY REFERENCES workspace (id) ON DELETE CASCADE,
    slogan              TEXT    NOT NULL,
    progress_management TEXT    NOT NULL,
    interviews          TEXT    NOT NULL
);

-- The 理念 (kind PRINCIPLE) and 基本的視点 (kind VIEWPOINT) of a strategy, in the document's order.
CREATE TABLE strategy_statement (
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('PRINCIPLE', 'VIEWPOINT')),
    position     INTEGER NOT NULL,
    title        TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, kind, position)
);

-- Which national 基本目標 each policy field answers (the city numbers its own 基本目標 differently).
CREATE TABLE national_goal (
    workspace_id      INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    national_goal     TEXT    NOT NULL,
    city_goal         TEXT    NOT NULL,
    policy_field_code TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, position)
);

-- Survey results the document gives as evidence; column heads and values are kept as the document writes them,
-- one per line (a cell never holds a line break).
CREATE TABLE survey_result (
    workspace_id      INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    policy_field_code TEXT    NOT NULL,
    question          TEXT    NOT NULL,
    columns           TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, position)
);

CREATE TABLE survey_row (
    workspace_id    INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    survey_position INTEGER NOT NULL,
    position        INTEGER NOT NULL,
    label           TEXT    NOT NULL,
    cell_values     TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, survey_position, position)
);
