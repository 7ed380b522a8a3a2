-- A node is looked up by its code alone wherever a reference does not name its level (links, traces, the check of
-- whether a code is on several levels, made for every row of a list). UNIQUE (workspace_id, depth, code) cannot
-- serve a lookup without the depth, which would read every node of the workspace for each of them.
CREATE INDEX framework_node_code ON framework_node (workspace_id, code);
