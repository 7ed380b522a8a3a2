package kusari.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.change.ChangeLog;
import kusari.change.EditService;
import kusari.change.Kind;
import kusari.core.NotFoundException;
import kusari.core.ValidationException;
import kusari.journey.JourneyQueries;
import kusari.journey.Step;

/**
 * A card becomes part of the chain: a step's pain point or emotion text (and score), or a new step before or after
 * its own. Every such change goes through the one write path ({@link EditService}) with the card named in its
 * history summary, so it is audited like any edit and undone from the history.
 */
final class Promotions {

    private final EditService edits;
    private final WorkshopRepository workshops;
    private final JourneyQueries journeys;
    private final WorkshopService service;

    Promotions(EditService edits, WorkshopRepository workshops, JourneyQueries journeys, WorkshopService service) {
        this.edits = edits;
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
        Step step = steps.stream().filter(s -> s.position() == card.step()).findFirst()
                .orElseThrow(() -> ValidationException.of("card", "workshop.error.step"));
        String note = "ワークショップ「" + w.title() + "」のカード #" + card.id() + " から";
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
            default -> throw ValidationException.of("to", "workshop.error.promoteTo");
        });
        service.became(w, card.id(), to + ":" + saved.changeId());
        return new Promoted(to, saved.changeId(), saved.state());
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
