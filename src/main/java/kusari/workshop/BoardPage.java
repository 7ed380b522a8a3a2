package kusari.workshop;

import java.util.List;
import kusari.core.Ui;
import kusari.actor.Actor;
import kusari.journey.Step;

/**
 * The projector board: steps as columns, cards arriving live, the join corner with its QR code, and the
 * facilitator's 決める panel that turns selected cards into actions and 課題 ({@code actors}: those to pick from).
 */
public record BoardPage(Ui ui, Workshop workshop, String journeyTitle, List<Step> steps, String joinUrl, String qrSvg,
                        String workshopUrl, String eventsUrl, String hideUrlTemplate, List<Actor> actors) {

    /** The QR code as drawn on the server (inline SVG made of numbers only, no user text). */
    public gg.jte.Content qr() {
        return output -> output.writeContent(qrSvg);
    }
}
