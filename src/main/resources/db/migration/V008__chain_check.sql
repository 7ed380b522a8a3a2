-- A planner's decision that a reported break of the chain is acceptable, with the reason. Undoing a dismissal
-- keeps the row (undone_at set) so that the chain check can show what was dismissed before and by whom.
-- break_key names the break, e.g. TROUBLED_STEP_NO_ACTOR:step:42 (see kusari.trace.ChainBreak).
CREATE TABLE chain_dismissal (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    break_key    TEXT    NOT NULL,
    reason       TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
    dismissed_at TEXT    NOT NULL,
    dismissed_by TEXT    NOT NULL,
    undone_at    TEXT,
    undone_by    TEXT
);
CREATE INDEX chain_dismissal_workspace ON chain_dismissal (workspace_id, break_key);
-- At most one dismissal in force per break.
CREATE UNIQUE INDEX chain_dismissal_active ON chain_dismissal (workspace_id, break_key) WHERE undone_at IS NULL;

-- Which checks of the chain check apply in a workspace; a check without a row applies.
CREATE TABLE chain_check_setting (
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    check_kind   TEXT    NOT NULL,
    enabled      INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    PRIMARY KEY (workspace_id, check_kind)
);
