package kusari.web;

import kusari.core.Ui;

/** An error shown to a person: status, a title and a message in their language, never a stack trace. */
public record ErrorPage(Ui ui, int status, String title, String message) {
}
