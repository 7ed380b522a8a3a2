-- The municipalities of a workspace, in the order its documents list them: one for the strategy of one
-- municipality, several for a joint vision (定住自立圏共生ビジョン of 二市町 and more). A project's roles
-- (役割分担) name one of them. workspace.municipality stays: it is the one name the pages show for the strategy
-- (「茨城県小美玉市」, or 「北川市・南山町」 for a joint one).
CREATE TABLE workspace_municipality (
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position >= 1),
    name         TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, position),
    UNIQUE (workspace_id, name)
);

-- Each workspace starts with its one municipality, exactly as written: a name such as 「飯田市・下條村」 stays one
-- entry, since splitting it at 「・」 or 「、」 would be a guess (a planner splits it in the form).
INSERT INTO workspace_municipality (workspace_id, position, name)
SELECT id, 1, municipality FROM workspace;

-- Roles already name municipalities as free text; none of them may be lost, so every municipality a role names
-- that is not the workspace's own joins its list, in the order the roles table showed them (project code, role).
INSERT INTO workspace_municipality (workspace_id, position, name)
SELECT workspace_id, 1 + ROW_NUMBER() OVER (PARTITION BY workspace_id ORDER BY first_seen), municipality
FROM (SELECT workspace_id, municipality, MIN(seen) AS first_seen
      FROM (SELECT p.workspace_id, r.municipality,
                   ROW_NUMBER() OVER (PARTITION BY p.workspace_id ORDER BY p.code, r.id) AS seen
            FROM project_role r JOIN project p ON p.id = r.project_id) roles
      GROUP BY workspace_id, municipality) named
WHERE NOT EXISTS (SELECT 1 FROM workspace_municipality m
                  WHERE m.workspace_id = named.workspace_id AND m.name = named.municipality);
