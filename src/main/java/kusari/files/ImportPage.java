package kusari.files;

import java.util.List;
import kusari.core.Ui;

/**
 * The import page in its three states: the upload form (with the reason a file was refused, if one was), the
 * dry-run report of an upload waiting for confirmation, and the result after applying.
 *
 * @param error   why the upload was refused, in the user's language; null when nothing was refused
 * @param token   the waiting upload's token; null on the form
 * @param report  the dry-run report; null on the form and after applying
 * @param stale   the database changed between the report and the confirmation: this is the new report
 * @param applied the workspaces imported; null until applied
 */
public record ImportPage(Ui ui, String error, String token, ImportReport report, boolean stale, List<ImportUploads.Applied> applied) {

    static ImportPage form(Ui ui, String error) {
        return new ImportPage(ui, error, null, null, false, null);
    }
}
