package kusari.workshop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kusari.change.Change;
import kusari.change.ChangeLog;
import kusari.change.Operation;
import kusari.change.SearchIndex;
import kusari.core.NotFoundException;
import kusari.core.ValidationException;
import kusari.db.Sql;
import kusari.journey.Journey;
import kusari.journey.JourneyQueries;
import kusari.journey.Step;
import kusari.web.EventHub;

/**
 * What happens in a workshop: opening and closing it, phones joining, cards, votes, phase, timer and focus. Each
 * change and the event telling the room of it are written in one transaction, then the room's streams are woken.
 */
public final class WorkshopService {

    /** The longest card: a felt moment, read from across the room (the projector shows 24 px and more). */
    public static final int MAX_TEXT = 200;
    /** The longest title of a workshop (the journey page's form says it beside the box). */
    public static final int MAX_TITLE = 200;
    /** What the board's 決める panel takes: an actor's name, an action's text, a new challenge's title. */
    public static final int MAX_ACTOR_NAME = 100;
    public static final int MAX_ACTION_TEXT = 1000;
    public static final int MAX_CHALLENGE_TITLE = 300;
    /** Cards one phone may post in a minute: enough to write fast, too few to flood the board. */
    public static final int CARDS_PER_MINUTE = 10;
    /** Wrong join codes one address may try in ten minutes before it waits. */
    public static final int WRONG_CODES = 20;

    static final Set<String> KINDS = Set.of("JOY", "TROUBLE", "IDEA");
    static final List<String> PHASES = List.of("WRITE", "GROUP", "VOTE", "DECIDE");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkshopRepository workshops;
    private final JourneyQueries journeys;
    private final EventHub hub;
    private final EventTail tail;
    private final Clock clock;
    private final Throttle cards;
    private final Throttle guesses;

    public WorkshopService(WorkshopRepository workshops, JourneyQueries journeys, EventHub hub, Clock clock) {
        this.workshops = workshops;
        this.journeys = journeys;
        this.hub = hub;
        this.tail = new EventTail(workshops);
        this.clock = clock;
        this.cards = new Throttle(CARDS_PER_MINUTE, Duration.ofMinutes(1), clock);
        this.guesses = new Throttle(WRONG_CODES, Duration.ofMinutes(10), clock);
    }

    /** After a commit that stored events of the workshop: its streams send them. */
    private void wake(long workshopId) {
        tail.changed(workshopId);
        hub.wake(channel(workshopId));
    }

    /** The workshop's stored events after {@code after} (at most a page), read once for all its streams. */
    List<EventHub.Event> events(long workshopId, long after) {
        return tail.after(workshopId, after);
    }

    static String channel(long workshopId) {
        return "workshop:" + workshopId;
    }

    EventHub hub() {
        return hub;
    }

    WorkshopRepository repository() {
        return workshops;
    }

    List<Step> steps(Workshop w) {
        return journeys.findSteps(w.journeyId());
    }

    // ------------------------------------------------------------------ facilitator

    Workshop create(long workspaceId, String journeySlug, String title, String heldOn, boolean named, int votesEach,
                    boolean cardsShared) {
        if (journeySlug == null || journeySlug.isBlank()) {
            throw ValidationException.of("journey", "workshop.error.journey");
        }
        Journey journey = journeys.findBySlug(workspaceId, journeySlug.strip())
                .orElseThrow(() -> ValidationException.of("journey", "workshop.error.journeyUnknown", journeySlug));
        check(title, heldOn, votesEach);
        String t = title.strip();
        String now = now();
        long id = workshops.database().inTransaction(c -> {
            String code = JoinCode.next();
            while (workshops.findByCode(c, code).isPresent()) {
                code = JoinCode.next();
            }
            long newId = Sql.insert(c, "INSERT INTO workshop (workspace_id, journey_id, code, title, held_on, named,"
                            + " votes_each, cards_shared, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    workspaceId, journey.id(), code, t, heldOn == null || heldOn.isBlank() ? null : heldOn.strip(),
                    named ? 1 : 0, votesEach, cardsShared ? 1 : 0, now);
            WorkshopRepository.addEvent(c, newId, "opened", "{}", now);
            // opening a workshop is a change of the workspace like any other: the history names it and who did it
            ObjectNode state = JSON.createObjectNode().put("id", newId).put("title", t).put("date", heldOn)
                    .put("journey", journey.title()).put("status", "OPEN");
            ChangeLog.record(c, new Change(workspaceId, "workshop", newId, Operation.CREATE, t, null, state));
            return newId;
        });
        return workshops.find(workspaceId, id).orElseThrow();
    }

    /** A workshop's title, date and votes as the facilitator gives them, refused in words when wrong. */
    void check(String title, String heldOn, int votesEach) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > MAX_TITLE) {
            throw ValidationException.of("title", "workshop.error.title");
        }
        if (heldOn != null && !heldOn.isBlank() && !heldOn.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw ValidationException.of("date", "workshop.error.date");
        }
        if (votesEach < 0 || votesEach > 20) {
            throw ValidationException.of("votesPerParticipant", "workshop.error.votes");
        }
    }

    /** The facilitator's changes of status, phase, focused step, timer and spotlight, checked against the version. */
    Workshop update(long workspaceId, long id, long version, ObjectNode input) {
        Workshop before = workshops.find(workspaceId, id).orElseThrow(() -> new NotFoundException("workshop", id));
        String now = now();
        workshops.database().inTransaction(c -> {
            Workshop w = workshops.find(c, workspaceId, id).orElseThrow(() -> new NotFoundException("workshop", id));
            if (w.version() != version) {
                throw new kusari.core.ConflictException("workshop", version, JSON.valueToTree(WorkshopApi.json(w, "")));
            }
            if (!w.open()) {
                throw ValidationException.of("status", "workshop.error.closed");
            }
            if (input.hasNonNull("phase")) {
                String phase = input.get("phase").asText();
                if (!PHASES.contains(phase)) {
                    throw ValidationException.of("phase", "workshop.error.phase");
                }
                Sql.update(c, "UPDATE workshop SET phase = ? WHERE id = ?", phase, id);
                WorkshopRepository.addEvent(c, id, "phase", JSON.createObjectNode().put("phase", phase).toString(), now);
            }
            if (input.has("focusStep")) {
                Integer step = input.get("focusStep").isNull() ? null : input.get("focusStep").asInt();
                if (step != null && (step < 1 || step > steps(w).size())) {
                    throw ValidationException.of("focusStep", "workshop.error.step");
                }
                Sql.update(c, "UPDATE workshop SET focus_step = ? WHERE id = ?", step, id);
                WorkshopRepository.addEvent(c, id, "focus", JSON.createObjectNode().put("step", step).toString(), now);
            }
            if (input.has("timerSeconds")) {
                int seconds = input.get("timerSeconds").asInt(-1);
                if (seconds < 0 || seconds > 3 * 3600) {
                    throw ValidationException.of("timerSeconds", "workshop.error.timer");
                }
                String ends = seconds == 0 ? null : clock.instant().plusSeconds(seconds).toString();
                Sql.update(c, "UPDATE workshop SET timer_ends_at = ? WHERE id = ?", ends, id);
                WorkshopRepository.addEvent(c, id, "timer", JSON.createObjectNode().put("endsAt", ends).toString(), now);
            }
            if (input.has("spotlight")) {
                Long card = input.get("spotlight").isNull() ? null : input.get("spotlight").asLong();
                if (card != null && workshops.card(c, id, card).isEmpty()) {
                    throw ValidationException.of("spotlight", "workshop.error.card");
                }
                Sql.update(c, "UPDATE workshop SET spotlight_card = ? WHERE id = ?", card, id);
                WorkshopRepository.addEvent(c, id, "spotlight", JSON.createObjectNode().put("card", card).toString(), now);
            }
            if (input.hasNonNull("status")) {
                String status = input.get("status").asText();
                if (!status.equals("OPEN") && !status.equals("CLOSED")) {
                    throw ValidationException.of("status", "workshop.error.status");
                }
                if (status.equals("CLOSED")) {
                    Sql.update(c, "UPDATE workshop SET status = 'CLOSED' WHERE id = ?", id);
                    WorkshopRepository.addEvent(c, id, "closed", "{}", now);
                    ChangeLog.record(c, new Change(workspaceId, "workshop", id, Operation.UPDATE, w.title(),
                            JSON.createObjectNode().put("status", "OPEN"),
                            JSON.createObjectNode().put("status", "CLOSED")));
                }
            }
            Sql.update(c, "UPDATE workshop SET version = version + 1 WHERE id = ?", id);
            return null;
        });
        Workshop after = workshops.find(workspaceId, id).orElseThrow();
        if (before.open() && !after.open()) {
            tail.changed(id);
            hub.end(channel(id));
        } else {
            wake(id);
        }
        return after;
    }

    /** Moderation: the facilitator hides a card from the room (kept in the record, the event says so). */
    Card hide(long workspaceId, long id, long cardId, boolean hidden) {
        Workshop w = workshops.find(workspaceId, id).orElseThrow(() -> new NotFoundException("workshop", id));
        Card card = workshops.database().inTransaction(c -> {
            workshops.card(c, w.id(), cardId).orElseThrow(() -> new NotFoundException("card", cardId));
            Sql.update(c, "UPDATE workshop_card SET hidden = ?, version = version + 1 WHERE id = ?", hidden ? 1 : 0, cardId);
            Card k = workshops.card(c, w.id(), cardId).orElseThrow();
            WorkshopRepository.addEvent(c, w.id(), hidden ? "hidden" : "card", cardEvent(k), now());
            SearchIndex.reindex(c, "card", cardId);
            return k;
        });
        wake(w.id());
        return card;
    }

    /** What became of cards (e.g. "painPoint:412", the history entry that made it so), told to the room. */
    void became(Workshop w, List<Long> cardIds, String what) {
        workshops.database().inTransaction(c -> {
            for (long cardId : cardIds) {
                Sql.update(c, "UPDATE workshop_card SET became = ?, version = version + 1 WHERE id = ?", what, cardId);
                Card k = workshops.card(c, w.id(), cardId).orElseThrow();
                WorkshopRepository.addEvent(c, w.id(), "card", cardEvent(k), now());
            }
            return null;
        });
        wake(w.id());
    }

    // ------------------------------------------------------------------ participants

    /** The open workshop of a typed code; a wrong code counts against the address. */
    Workshop byCode(String typed, String address) {
        if (!guesses.allowed(address)) {
            throw new TooMany("workshop.error.guesses");
        }
        String code = JoinCode.normalise(typed);
        Optional<Workshop> found = code == null ? Optional.empty() : workshops.findByCode(code);
        if (found.isEmpty()) {
            guesses.count(address);
            throw new NotFoundException("workshop", 0);
        }
        return found.get();
    }

    /** A new participant of an open workshop; the returned token goes into the phone's cookie. */
    String join(Workshop w) {
        if (!w.open()) {
            throw ValidationException.of("code", "workshop.error.closed");
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        workshops.database().inTransaction(c -> Sql.insert(c,
                "INSERT INTO workshop_participant (workshop_id, token_hash, joined_at) VALUES (?, ?, ?)",
                w.id(), hash(token), now()));
        return token;
    }

    Optional<Long> participant(Workshop w, String token) {
        if (token == null || token.isBlank() || !w.open()) {
            return Optional.empty();
        }
        return workshops.participant(w.id(), hash(token));
    }

    Card post(Workshop w, long participant, int step, String kind, String text, Integer emotion) {
        if (!w.open()) {
            throw ValidationException.of("text", "workshop.error.closed");
        }
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw ValidationException.of("text", "workshop.error.textEmpty");
        }
        if (t.codePointCount(0, t.length()) > MAX_TEXT || t.length() > MAX_TEXT) {
            throw ValidationException.of("text", "workshop.error.textLong", MAX_TEXT, t.codePointCount(0, t.length()));
        }
        if (kind == null || !KINDS.contains(kind)) {
            throw ValidationException.of("kind", "workshop.error.kind");
        }
        Step at = steps(w).stream().filter(s -> s.position() == step).findFirst()
                .orElseThrow(() -> ValidationException.of("step", "workshop.error.step"));
        if (emotion != null && (emotion < -2 || emotion > 2)) {
            throw ValidationException.of("emotion", "workshop.error.emotion");
        }
        if (!cards.take("p" + participant)) {
            throw new TooMany("workshop.error.rate", CARDS_PER_MINUTE);
        }
        String now = now();
        Card card = workshops.database().inTransaction(c -> {
            long id = Sql.insert(c, "INSERT INTO workshop_card (workshop_id, participant_id, step_position, step_id, kind,"
                    + " text, emotion, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", w.id(), participant, step, at.id(), kind,
                    t, emotion, now);
            Card k = workshops.card(c, w.id(), id).orElseThrow();
            WorkshopRepository.addEvent(c, w.id(), "card", cardEvent(k), now);
            // found by the workspace's search from this commit on, like every other text of the workspace
            SearchIndex.reindex(c, "card", id);
            return k;
        });
        wake(w.id());
        return card;
    }

    /** Edits or withdraws one's own card while the workshop is open. */
    Card changeOwn(Workshop w, long participant, long cardId, String text, boolean withdraw) {
        if (!w.open()) {
            throw ValidationException.of("text", "workshop.error.closed");
        }
        String now = now();
        Card card = workshops.database().inTransaction(c -> {
            Card k = workshops.card(c, w.id(), cardId).orElseThrow(() -> new NotFoundException("card", cardId));
            if (k.participantId() == null || k.participantId() != participant) {
                throw new kusari.core.ForbiddenChangeException("workshop.error.notYours");
            }
            if (withdraw) {
                Sql.update(c, "UPDATE workshop_card SET withdrawn = 1, version = version + 1 WHERE id = ?", cardId);
            } else {
                String t = text == null ? "" : text.strip();
                if (t.isEmpty() || t.codePointCount(0, t.length()) > MAX_TEXT) {
                    throw ValidationException.of("text", "workshop.error.textLong", MAX_TEXT, t.codePointCount(0, t.length()));
                }
                Sql.update(c, "UPDATE workshop_card SET text = ?, version = version + 1 WHERE id = ?", t, cardId);
            }
            Card changed = workshops.card(c, w.id(), cardId).orElseThrow();
            WorkshopRepository.addEvent(c, w.id(), withdraw ? "withdrawn" : "card", cardEvent(changed), now);
            SearchIndex.reindex(c, "card", cardId);
            return changed;
        });
        wake(w.id());
        return card;
    }

    Card vote(Workshop w, long participant, long cardId) {
        if (!w.open()) {
            throw ValidationException.of("card", "workshop.error.closed");
        }
        if (!w.phase().equals("VOTE")) {
            throw ValidationException.of("card", "workshop.error.notVoting");
        }
        String now = now();
        Card card = workshops.database().inTransaction(c -> {
            Card k = workshops.card(c, w.id(), cardId).orElseThrow(() -> new NotFoundException("card", cardId));
            if (k.hidden() || k.withdrawn()) {
                throw new NotFoundException("card", cardId);
            }
            if (workshops.votesBy(c, w.id(), participant) >= w.votesEach()) {
                throw ValidationException.of("card", "workshop.error.noVotesLeft", w.votesEach());
            }
            if (Sql.update(c, "INSERT OR IGNORE INTO workshop_vote (card_id, participant_id) VALUES (?, ?)",
                    cardId, participant) == 0) {
                throw ValidationException.of("card", "workshop.error.votedTwice");
            }
            Card voted = workshops.card(c, w.id(), cardId).orElseThrow();
            WorkshopRepository.addEvent(c, w.id(), "vote", JSON.createObjectNode().put("card", cardId)
                    .put("votes", voted.votes()).toString(), now);
            return voted;
        });
        wake(w.id());
        return card;
    }

    /** What a card event carries: the card as the room sees it (who wrote it only by a named workshop's display name). */
    static String cardEvent(Card k) {
        return JSON.valueToTree(WorkshopApi.cardJson(k)).toString();
    }

    private String now() {
        return Instant.now(clock).toString();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Too many cards, or too many wrong codes: answered 429 with a message in the user's language. */
    static final class TooMany extends RuntimeException {
        final String key;
        final Object[] args;

        TooMany(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }
    }
}
