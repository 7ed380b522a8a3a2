-- A card grouped into a 課題 by the facilitator: the card is evidence of the challenge, and the challenge page
-- shows it among the voices behind it. change_id names the history entry that grouped it, so that undoing that
-- change takes the card out of the challenge's voices too (the link stays, the undone change no longer counts).
CREATE TABLE workshop_card_challenge (
    card_id      INTEGER NOT NULL REFERENCES workshop_card (id) ON DELETE CASCADE,
    challenge_id INTEGER NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    change_id    INTEGER NOT NULL,
    PRIMARY KEY (card_id, challenge_id)
);
CREATE INDEX workshop_card_challenge_challenge ON workshop_card_challenge (challenge_id);

-- The step a card was posted to, by id: positions move when the facilitator inserts or moves steps (a card
-- promoted to a new step before its own shifts every later step), so a card's promotion and its place among the
-- voices follow the step itself. step_position stays as the phones and the board saw it. A deleted step leaves
-- its cards without a step (they stay in the workshop's record).
ALTER TABLE workshop_card ADD COLUMN step_id INTEGER REFERENCES step (id) ON DELETE SET NULL;
UPDATE workshop_card SET step_id = (SELECT s.id FROM step s JOIN workshop w ON w.journey_id = s.journey_id
                                    WHERE w.id = workshop_card.workshop_id AND s.position = workshop_card.step_position);
CREATE INDEX workshop_card_step ON workshop_card (step_id);
