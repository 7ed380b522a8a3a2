-- The English label of each framework level of a workspace (e.g. "policy field" for 政策分野). Level names are the
-- workspace's own Japanese words; English pages use these labels, and generic terms ("level 1 item", "project")
-- for a level without one, instead of splicing the Japanese name into English sentences.
CREATE TABLE framework_level_en (
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    depth        INTEGER NOT NULL CHECK (depth >= 1),
    label        TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, depth)
);
