package kusari.workshop;

import java.util.List;
import kusari.core.Ui;
import kusari.journey.Step;

/** The projector board: steps as columns, cards arriving live, the join corner with its QR code. */
public record BoardPage(Ui ui, Workshop workshop, String journeyTitle, List<Step> steps, String joinUrl, String qrSvg,
                        String workshopUrl, String eventsUrl, String hideUrlTemplate) {

    /** The QR code as drawn on the server (inline SVG made of numbers only, no user text). */
    public gg.jte.Content qr() {
        return output -> output.writeContent(qrSvg);
    }
}
