-- The live workshop: residents post what they felt at each step of a journey from their phones.

-- A workshop on one journey. code: the short join code (no look-alike characters), unique while it exists.
-- status OPEN admits participants and cards; CLOSED ends every participant's grant. phase is the facilitator's
-- 書く (WRITE) → まとめる (GROUP) → 投票 (VOTE) → 決める (DECIDE). focus_step: the step position phones follow.
CREATE TABLE workshop (
    id              INTEGER PRIMARY KEY,
    workspace_id    INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    journey_id      INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,
    code            TEXT    NOT NULL UNIQUE,
    title           TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    held_on         TEXT,
    named           INTEGER NOT NULL DEFAULT 0 CHECK (named IN (0, 1)),
    votes_each      INTEGER NOT NULL DEFAULT 3 CHECK (votes_each BETWEEN 0 AND 20),
    cards_shared    INTEGER NOT NULL DEFAULT 1 CHECK (cards_shared IN (0, 1)),
    status          TEXT    NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    phase           TEXT    NOT NULL DEFAULT 'WRITE' CHECK (phase IN ('WRITE', 'GROUP', 'VOTE', 'DECIDE')),
    focus_step      INTEGER,
    timer_ends_at   TEXT,
    spotlight_card  INTEGER,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL
);
CREATE INDEX workshop_workspace ON workshop (workspace_id);

-- A phone that joined. Only the SHA-256 of its cookie's token is stored.
CREATE TABLE workshop_participant (
    id          INTEGER PRIMARY KEY,
    workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
    token_hash  TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL DEFAULT '' CHECK (length(name) <= 40),
    joined_at   TEXT    NOT NULL
);

-- A card posted to a step (by its position in the journey). hidden: moderated by the facilitator (kept, recorded).
-- withdrawn: taken back by its author. became: what the facilitator turned it into (e.g. "painPoint"), for the record.
CREATE TABLE workshop_card (
    id             INTEGER PRIMARY KEY,
    workshop_id    INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
    participant_id INTEGER REFERENCES workshop_participant (id) ON DELETE SET NULL,
    step_position  INTEGER NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('JOY', 'TROUBLE', 'IDEA')),
    text           TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
    emotion        INTEGER CHECK (emotion BETWEEN -2 AND 2),
    hidden         INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    withdrawn      INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    became         TEXT,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT    NOT NULL
);
CREATE INDEX workshop_card_workshop ON workshop_card (workshop_id);

-- A dot vote: one participant, one card, once.
CREATE TABLE workshop_vote (
    card_id        INTEGER NOT NULL REFERENCES workshop_card (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES workshop_participant (id) ON DELETE CASCADE,
    PRIMARY KEY (card_id, participant_id)
);

-- What the room sees happen, in order: written in the same transaction as the card, vote or phase it tells of,
-- before the request is answered, so a reconnecting phone (Last-Event-ID) or a restarted server misses nothing.
CREATE TABLE workshop_event (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE INDEX workshop_event_workshop ON workshop_event (workshop_id, id);
