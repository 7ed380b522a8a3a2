-- Departments are renamed and merged on 1 April: an actor's names, each with the fiscal year it took effect.
-- actor.name stays the newest name (what pages without a chosen fiscal year show, and what the UNIQUE
-- constraint protects). An actor without rows here has had its one name since the plan's first fiscal year
-- (ActorRepository reads it so); the first rename writes that first entry too. No insert trigger fills this
-- table: the trash and workspace copies re-insert an actor's rows here themselves, following the foreign key.
CREATE TABLE actor_name (
    actor_id         INTEGER NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    from_fiscal_year INTEGER NOT NULL,
    name             TEXT    NOT NULL,
    PRIMARY KEY (actor_id, from_fiscal_year)
);
CREATE INDEX actor_name_name ON actor_name (name);

-- Actors that exist already: their current name takes effect from the plan's first fiscal year.
INSERT INTO actor_name (actor_id, from_fiscal_year, name)
SELECT a.id, w.plan_from, a.name FROM actor a JOIN workspace w ON w.id = a.workspace_id;

-- An edit of actor.name outside a rename (the generic edit form, a revert) corrects the newest name, so the
-- history and actor.name never disagree; when that makes the newest name repeat the one before it (a revert of
-- a rename), the repeated entry goes. A rename sets actor.name to the newest entry itself: then nothing changes.
CREATE TRIGGER actor_name_follows_edit AFTER UPDATE OF name ON actor WHEN NEW.name <> OLD.name
BEGIN
    UPDATE actor_name SET name = NEW.name
    WHERE actor_id = NEW.id AND name <> NEW.name
      AND from_fiscal_year = (SELECT MAX(from_fiscal_year) FROM actor_name WHERE actor_id = NEW.id);
    DELETE FROM actor_name
    WHERE actor_id = NEW.id
      AND from_fiscal_year = (SELECT MAX(from_fiscal_year) FROM actor_name WHERE actor_id = NEW.id)
      AND name = (SELECT p.name FROM actor_name p
                  WHERE p.actor_id = NEW.id
                    AND p.from_fiscal_year < (SELECT MAX(from_fiscal_year) FROM actor_name WHERE actor_id = NEW.id)
                  ORDER BY p.from_fiscal_year DESC LIMIT 1);
END;
