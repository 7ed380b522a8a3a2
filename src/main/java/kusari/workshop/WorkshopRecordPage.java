package kusari.workshop;

import kusari.core.Ui;
import kusari.core.Workspace;

/** A workshop's record page, printable on A3 landscape. */
public record WorkshopRecordPage(Ui ui, Workspace workspace, WorkshopRecord record) {
}
