package kusari.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.change.ChangeLog;
import kusari.change.Summaries;
import kusari.change.EditService;
import kusari.change.Kind;
import kusari.change.LinkKind;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import kusari.actor.Actor;
import kusari.actor.ActorQueries;
import kusari.core.NotFoundException;
import kusari.core.ValidationException;
import kusari.journey.JourneyQueries;
import kusari.journey.Step;

/**
 * A card becomes part of the chain: a step's pain point or emotion text (and score), a new step before or after
 * its own, an action of an actor at its step, or (with other cards) the evidence of a 課題. Every such change goes through the one write path ({@link EditService}) with the card named in its
 * history summary, so it is audited like any edit and undone from the history.
 */
final class Promotions {

    private final EditService edits;
    private final WorkshopRepository workshops;
    private final JourneyQueries journeys;
    private final WorkshopService service;
    private final ActorQueries actors;

    Promotions(EditService edits, WorkshopRepository workshops, JourneyQueries journeys, ActorQueries actors,
               WorkshopService service) {
        this.edits = edits;
        this.actors = actors;
        this.workshops = workshops;
        this.journeys = journeys;
        this.service = service;
    }

    record Promoted(String to, long changeId, JsonNode state) {
    }

    Promoted promote(Workshop w, long cardId, ObjectNode in) {
        Card card = workshops.database().read(c -> workshops.card(c, w.id(), cardId))
                .orElseThrow(() -> new NotFoundException("card", cardId));
        String to = in.path("to").asText("");
        Kind stepKind = edits.kinds().byName("step").orElseThrow();
        List<Step> steps = journeys.findSteps(w.journeyId());
        Step step = stepOf(card, steps).orElseThrow(() -> ValidationException.of("card", "workshop.error.step"));
        List<Card> cards = to.equals("challenge") ? groupedCards(w, card, in) : List.of(card);
        // stored in Japanese from its message, said again in the reader's language on the timeline
        String note = Summaries.JAPANESE.t("workshop.history.fromCards", w.title(),
                String.join(", ", cards.stream().map(k -> "#" + k.id()).toList()));
        EditService.Saved saved = ChangeLog.noting(note, () -> switch (to) {
            case "painPoint" -> {
                Map<String, JsonNode> input = new LinkedHashMap<>();
                input.put("painPoint", TextNode.valueOf(joined(step.painPoint(), card.text())));
                yield edits.update(w.workspaceId(), stepKind, step.id(), version(w, stepKind, step.id()), input);
            }
            case "emotionText" -> {
                Map<String, JsonNode> input = new LinkedHashMap<>();
                input.put("emotionText", TextNode.valueOf(joined(step.emotionText(), card.text())));
                if (card.emotion() != null) {
                    input.put("emotionScore", IntNode.valueOf(card.emotion()));
                }
                yield edits.update(w.workspaceId(), stepKind, step.id(), version(w, stepKind, step.id()), input);
            }
            case "step" -> {
                String where = in.path("where").asText("");
                if (!where.equals("before") && !where.equals("after")) {
                    throw ValidationException.of("where", "workshop.error.where");
                }
                if (card.text().length() > 100) {
                    throw ValidationException.of("title", "workshop.error.stepTitle", 100);
                }
                Map<String, JsonNode> input = new LinkedHashMap<>();
                input.put("journey", com.fasterxml.jackson.databind.node.LongNode.valueOf(w.journeyId()));
                input.put("title", TextNode.valueOf(card.text()));
                int index = steps.indexOf(step) + (where.equals("after") ? 1 : 0);
                yield edits.create(w.workspaceId(), stepKind, input, index);
            }
            case "action" -> action(w, card, step, in);
            case "challenge" -> challenge(w, cards, steps, in);
            default -> throw ValidationException.of("to", "workshop.error.promoteTo");
        });
        service.became(w, cards.stream().map(Card::id).toList(), to + ":" + saved.changeId());
        return new Promoted(to, saved.changeId(), saved.state());
    }

    /**
     * What an actor does at the card's step. The actor is an existing one (its id, or its exact name) or a new one
     * by name; either way the facilitator says whether it is 行政 or 行政以外: never defaulted, because a partner
     * filed as a department sits in the wrong lane of the map and in the wrong counts.
     */
    private EditService.Saved action(Workshop w, Card card, Step step, ObjectNode in) {
        String kind = in.path("kind").asText("").strip();
        JsonNode who = in.path("actor");
        String name = who.isTextual() ? who.asText().strip() : "";
        if (!who.isIntegralNumber() && name.isEmpty()) {
            throw ValidationException.of("actor", "workshop.error.actor");
        }
        if (!kind.equals("GOVERNMENT") && !kind.equals("PARTNER")) {
            throw ValidationException.of("kind", "workshop.error.actorKind");
        }
        String text = in.path("text").asText("").strip();
        if (text.isEmpty()) {
            throw ValidationException.of("text", "workshop.error.actionText");
        }
        if (text.length() > WorkshopService.MAX_ACTION_TEXT) {
            throw ValidationException.of("text", "workshop.error.actionTextLong", WorkshopService.MAX_ACTION_TEXT);
        }
        if (name.length() > WorkshopService.MAX_ACTOR_NAME) {
            throw ValidationException.of("actor", "workshop.error.actorLong", WorkshopService.MAX_ACTOR_NAME);
        }
        List<Actor> known = actors.findAllWithCounts(w.workspaceId()).stream().map(ActorQueries.ActorSummary::actor)
                .toList();
        Actor actor = who.isIntegralNumber()
                ? known.stream().filter(a -> a.id() == who.asLong()).findFirst()
                        .orElseThrow(() -> ValidationException.of("actor", "workshop.error.actorUnknown", who.asText()))
                : known.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
        if (actor != null && !actor.kind().code().equals(kind)) {
            // the facilitator's choice and the actor's lane disagree: say so rather than move the actor
            throw ValidationException.of("kind", "workshop.error.actorKindDiffers." + actor.kind().code(), actor.name());
        }
        Kind actionKind = edits.kinds().byName("action").orElseThrow();
        long actorId;
        if (actor == null) {
            Map<String, JsonNode> named = new LinkedHashMap<>();
            named.put("name", TextNode.valueOf(name));
            named.put("kind", TextNode.valueOf(kind));
            actorId = edits.create(w.workspaceId(), edits.kinds().byName("actor").orElseThrow(), named, null)
                    .state().get("id").asLong();
        } else {
            actorId = actor.id();
        }
        Map<String, JsonNode> input = new LinkedHashMap<>();
        input.put("step", LongNode.valueOf(step.id()));
        input.put("text", TextNode.valueOf(text));
        input.put("actors", JsonNodeFactory.instance.arrayNode().add(actorId));
        return edits.create(w.workspaceId(), actionKind, input, null);
    }

    /**
     * Cards grouped into a 課題: a new one ({@code title}) or an existing one ({@code challenge}: its number). The
     * cards' words become lines of its evidence, each card is linked to it (so the challenge page shows the voices
     * behind it), and every card's step is linked to it, unless it already was. The history entry of the evidence is
     * the one returned: undoing it takes the cards back out of the challenge's voices.
     */
    private EditService.Saved challenge(Workshop w, List<Card> cards, List<Step> steps, ObjectNode in) {
        Kind challengeKind = edits.kinds().byName("challenge").orElseThrow();
        String title = in.path("title").asText("").strip();
        JsonNode number = in.path("challenge");
        boolean existing = number.isIntegralNumber() || number.isTextual() && !number.asText().isBlank();
        if (existing == !title.isEmpty()) {
            throw ValidationException.of("challenge", "workshop.error.challengeWhich");
        }
        if (title.length() > WorkshopService.MAX_CHALLENGE_TITLE) {
            throw ValidationException.of("title", "workshop.error.challengeTitle", WorkshopService.MAX_CHALLENGE_TITLE);
        }
        List<String> words = cards.stream().map(Card::text).toList();
        EditService.Saved saved;
        if (existing) {
            long id = edits.findId(w.workspaceId(), challengeKind, number.asText().strip())
                    .orElseThrow(() -> ValidationException.of("challenge", "workshop.error.challengeUnknown",
                            number.asText()));
            ObjectNode now = edits.find(w.workspaceId(), challengeKind, id).orElseThrow();
            var evidence = JsonNodeFactory.instance.arrayNode();
            now.path("evidence").forEach(evidence::add);
            words.stream().filter(t -> !contains(evidence, t)).forEach(evidence::add);
            Map<String, JsonNode> input = new LinkedHashMap<>();
            input.put("evidence", evidence);
            saved = edits.update(w.workspaceId(), challengeKind, id, now.get("version").asLong(), input);
            if (saved.changeId() == 0) {
                throw ValidationException.of("cards", "workshop.error.alreadyEvidence");
            }
        } else {
            Map<String, JsonNode> input = new LinkedHashMap<>();
            input.put("number", IntNode.valueOf(workshops.nextChallengeNumber(w.workspaceId())));
            input.put("title", TextNode.valueOf(title));
            var evidence = JsonNodeFactory.instance.arrayNode();
            words.stream().distinct().forEach(evidence::add);
            input.put("evidence", evidence);
            saved = edits.create(w.workspaceId(), challengeKind, input, null);
        }
        long challengeId = saved.state().get("id").asLong();
        LinkKind spans = edits.kinds().link("step_challenge").orElseThrow();
        for (Step s : cards.stream().map(k -> stepOf(k, steps)).flatMap(java.util.Optional::stream).distinct()
                .sorted(java.util.Comparator.comparingInt(Step::position)).toList()) {
            if (!edits.linked(spans, s.id()).contains(challengeId)) {
                edits.link(w.workspaceId(), spans, s.id(), challengeId, Map.of());
            }
        }
        workshops.groupIntoChallenge(cards.stream().map(Card::id).toList(), challengeId, saved.changeId());
        return saved;
    }

    /** The path's card and those named in {@code cards}, each of this workshop and still shown to the room. */
    private List<Card> groupedCards(Workshop w, Card first, ObjectNode in) {
        java.util.LinkedHashSet<Long> ids = new java.util.LinkedHashSet<>();
        ids.add(first.id());
        JsonNode listed = in.path("cards");
        if (!listed.isMissingNode() && !listed.isArray()) {
            throw ValidationException.of("cards", "workshop.error.cards");
        }
        for (JsonNode n : listed) {
            if (!n.canConvertToLong() || !n.isIntegralNumber()) {
                throw ValidationException.of("cards", "workshop.error.cards");
            }
            ids.add(n.asLong());
        }
        if (ids.size() > 50) {
            throw ValidationException.of("cards", "workshop.error.tooManyCards", 50);
        }
        List<Card> cards = new java.util.ArrayList<>();
        for (long id : ids) {
            Card k = workshops.database().read(c -> workshops.card(c, w.id(), id))
                    .filter(x -> !x.hidden() && !x.withdrawn())
                    .orElseThrow(() -> ValidationException.of("cards", "workshop.error.cardUnknown", id));
            cards.add(k);
        }
        return cards;
    }

    private static boolean contains(com.fasterxml.jackson.databind.node.ArrayNode lines, String text) {
        for (JsonNode n : lines) {
            if (n.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** The step a card was posted to, wherever it stands now; by position for a card from before steps had ids. */
    private static java.util.Optional<Step> stepOf(Card card, List<Step> steps) {
        return card.stepId() != null
                ? steps.stream().filter(s -> s.id() == card.stepId()).findFirst()
                : steps.stream().filter(s -> s.position() == card.step()).findFirst();
    }

    private long version(Workshop w, Kind kind, long id) {
        return edits.find(w.workspaceId(), kind, id).orElseThrow(() -> new NotFoundException(kind.name(), id))
                .get("version").asLong();
    }

    /** The card's words after what the step already says, on a line of their own. */
    private static String joined(String existing, String text) {
        return existing == null || existing.isBlank() ? text : existing + "\n" + text;
    }
}
