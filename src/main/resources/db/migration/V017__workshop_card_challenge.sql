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
