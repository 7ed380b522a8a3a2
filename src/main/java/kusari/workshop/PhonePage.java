package kusari.workshop;

import java.util.List;
import kusari.core.Ui;
import kusari.journey.Step;

/** The phone page of a participant: the journey's steps and the card form. */
public record PhonePage(Ui ui, Workshop workshop, String journeyTitle, List<Step> steps, String joinedUrl,
                        String cardsUrl, String eventsUrl, int maxText) {
}
