package kusari.workshop;

import java.util.List;

/**
 * What a workshop left behind, as its record page, its exports and its search results show it: the session
 * (title, date, journey, phase, how many joined) and its cards step by step, each with its votes and what became
 * of it in the chain. Cards their authors withdrew are not part of the record; hidden ones are, marked.
 */
public record WorkshopRecord(Workshop workshop, String journeySlug, String journeyTitle, int participants,
                             List<StepCards> steps) {

    /** One step of the journey (by position, as the cards name it) with the cards posted to it. */
    public record StepCards(int position, String title, List<CardLine> cards) {
    }

    /**
     * A card on the record. {@code author}: the participant's display name, only in a named workshop ("" otherwise);
     * {@code became}: what the facilitator turned it into (painPoint, emotionText, step, action, challenge; "" for
     * nothing), {@code becameHref} the page of what it became when that still exists (else null).
     */
    public record CardLine(long id, int step, String kind, String text, Integer emotion, int votes, boolean hidden,
                           String author, String became, String becameHref, String postedAt) {
    }

    /**
     * The record as those who may only read the workspace see it (a public workspace: anyone): the cards the
     * facilitator hid are left out and the participants' names with them. Residents gave their names to the room,
     * not to the public, and a hidden card was hidden for a reason.
     */
    public WorkshopRecord forReaders() {
        List<StepCards> shown = steps.stream().map(s -> new StepCards(s.position(), s.title(), s.cards().stream()
                .filter(k -> !k.hidden())
                .map(k -> new CardLine(k.id(), k.step(), k.kind(), k.text(), k.emotion(), k.votes(), false, "",
                        k.became(), k.becameHref(), k.postedAt()))
                .toList())).toList();
        return new WorkshopRecord(workshop, journeySlug, journeyTitle, participants, shown);
    }

    /** Every card of the record in step order, as the exports list them. */
    public List<CardLine> cards() {
        return steps.stream().flatMap(s -> s.cards().stream()).toList();
    }

    public int cardCount() {
        return steps.stream().mapToInt(s -> s.cards().size()).sum();
    }

    /** The step's title by position, "" for a position the journey no longer has. */
    public String stepTitle(int position) {
        return steps.stream().filter(s -> s.position() == position).map(StepCards::title).findFirst().orElse("");
    }
}
