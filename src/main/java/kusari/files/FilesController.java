package kusari.files;

import kusari.web.Access;
import kusari.web.ApiDoc;
import kusari.web.Feature;
import kusari.web.Pages;
import kusari.web.Route;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import jakarta.servlet.ServletException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.ErrorPage;
import kusari.web.Links;
import kusari.web.NotFound;
import kusari.web.Requests;
import kusari.web.Server;
import kusari.core.Ui;
import kusari.files.WorkspaceFiles.LoadedWorkspace;

/**
 * Files in and out of the web app: a workspace's files as a zip (page and API), and the import of such a zip:
 * upload → dry-run report → apply on confirmation.
 */
public final class FilesController implements Feature {

    /** The largest upload accepted; Server sets the same limit on multipart requests. */
    public static final long MAX_UPLOAD_BYTES = Server.MAX_UPLOAD_BYTES;

    private final WorkspaceResolver resolver;
    private final WorkspaceExporter exporter;
    private final ImportService imports;
    private final ImportUploads uploads;

    public FilesController(WorkspaceResolver resolver, WorkspaceExporter exporter, ImportService imports,
                           ImportUploads uploads) {
        this.resolver = resolver;
        this.exporter = exporter;
        this.imports = imports;
        this.uploads = uploads;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get(Links.EXPORT_ZIP, this::exportZip, Access.READ),
                Route.get(Links.API_EXPORT_ZIP, this::exportZip, Access.READ).doc(ApiDoc.of("The workspace as its data files, zipped").produces("application/zip")),
                Route.get(Links.IMPORT, this::form, Access.SITE_ADMIN),
                Route.post(Links.IMPORT, this::upload, Access.SITE_ADMIN),
                Route.get(Links.IMPORT_REPORT, this::report, Access.SITE_ADMIN),
                Route.post(Links.IMPORT_APPLY, this::apply, Access.SITE_ADMIN),
                Route.post(Links.IMPORT_CANCEL, this::cancel, Access.SITE_ADMIN));
    }

    @Override
    public void exceptions(RoutesConfig routes) {
        // Jetty refuses a multipart body over the limits while it is parsed, which happens as soon as anything
        // (the CSRF check) reads a form field: answer that in words, not as a server error.
        routes.exception(ServletException.class, this::badUpload);
    }

    void badUpload(ServletException e, Context ctx) {
        boolean tooLarge = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            tooLarge |= message != null && message.contains("size exceeded");
        }
        Ui ui = Requests.ui(ctx);
        String reason = tooLarge ? ui.t("files.refused.uploadTooLarge", (MAX_UPLOAD_BYTES >> 20) + " MB")
                : ui.t("files.refused.badUpload");
        int status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE.getCode() : HttpStatus.BAD_REQUEST.getCode();
        if (ctx.path().equals(Links.importForm())) {
            ctx.status(status);
            render(ctx, ImportPage.form(ui, reason + " " + ui.t("files.refused.nothingWritten")));
        } else {
            ctx.status(status);
            Pages.render(ctx, "error/error.jte", new ErrorPage(ui, status, ui.t("error.status.400"), reason));
        }
    }

    void exportZip(Context ctx) throws IOException {
        Workspace ws = resolver.require(ctx);
        LoadedWorkspace files = exporter.find(ws.slug()).orElseThrow();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        WorkspaceExporter.writeZip(List.of(files), zip);
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition",
                "attachment; filename=\"kusari-" + ws.slug() + "-" + LocalDate.now() + ".zip\"");
        ctx.result(zip.toByteArray());
    }

    void form(Context ctx) {
        render(ctx, ImportPage.form(Requests.ui(ctx), null));
    }

    void upload(Context ctx) {
        Ui ui = Requests.ui(ctx);
        UploadedFile file = ctx.uploadedFile("archive");
        if (file == null || file.filename() == null || file.filename().isBlank()) {
            refuse(ctx, ui.t("files.refused.noFile"));
            return;
        }
        if (file.size() > MAX_UPLOAD_BYTES) {
            refuse(ctx, ui.t("files.refused.uploadTooLarge", (MAX_UPLOAD_BYTES >> 20) + " MB"));
            return;
        }
        String token = uploads.create();
        try {
            try (InputStream in = file.content()) {
                Files.copy(in, uploads.archive(token), StandardCopyOption.REPLACE_EXISTING);
            }
            ImportArchive.unzip(uploads.archive(token), uploads.files(token), ImportArchive.Limits.DEFAULT);
            Files.deleteIfExists(uploads.archive(token));
        } catch (ArchiveRefused e) {
            uploads.delete(token);
            refuse(ctx, ui.t(e.messageKey(), e.args()));
            return;
        } catch (IOException e) {
            uploads.delete(token);
            throw new UncheckedIOException(e);
        }
        ctx.redirect(Links.importReport(token), HttpStatus.SEE_OTHER);
    }

    private void refuse(Context ctx, String reason) {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, ImportPage.form(Requests.ui(ctx), reason + " " + Requests.ui(ctx).t("files.refused.nothingWritten")));
    }

    void report(Context ctx) {
        String token = requireUpload(ctx);
        Ui ui = Requests.ui(ctx);
        var applied = uploads.applied(token);
        if (applied.isPresent()) {
            render(ctx, new ImportPage(ui, null, token, null, false, applied.get()));
            return;
        }
        render(ctx, new ImportPage(ui, null, token, imports.dryRun(uploads.files(token)), false, null));
    }

    void apply(Context ctx) {
        String token = requireUpload(ctx);
        Ui ui = Requests.ui(ctx);
        if (uploads.applied(token).isPresent()) {
            // A second click or a reload of the POST: already done, show the result.
            ctx.redirect(Links.importReport(token), HttpStatus.SEE_OTHER);
            return;
        }
        ImportService.Result result = imports.apply(uploads.files(token), ctx.formParam("fingerprint"));
        if (result.applied()) {
            uploads.markApplied(token, result.report().workspaces().stream()
                    .map(w -> new ImportUploads.Applied(w.slug(), w.name())).toList());
            ctx.redirect(Links.importReport(token), HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(result.stale() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, new ImportPage(ui, null, token, result.report(), result.stale(), null));
    }

    void cancel(Context ctx) {
        String token = requireUpload(ctx);
        uploads.delete(token);
        ctx.redirect(Links.importForm(), HttpStatus.SEE_OTHER);
    }

    private String requireUpload(Context ctx) {
        String token = ctx.pathParam("token");
        if (!uploads.exists(token)) {
            throw NotFound.of(ctx, "error.notFound.upload");
        }
        return token;
    }

    private static void render(Context ctx, ImportPage page) {
        Pages.render(ctx, "files/import.jte", page);
    }
}
