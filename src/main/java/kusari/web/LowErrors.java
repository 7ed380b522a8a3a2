package kusari.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors found below the application, before any route runs: a path whose encoding is broken or holds
 * {@code %00}, a control character in a header, a body over the limit. Jetty would answer with its own English
 * page without Kusari's security headers; this answers like ErrorPages does — a small page or the API's JSON
 * body, in Japanese unless the language cookie says English, with every security header.
 */
final class LowErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        boolean english = english(request.getHeaders().get(HttpHeader.COOKIE));
        // the raw target: a path Jetty refused (%00, broken UTF-8) has no decoded path to ask
        String target = request.getHttpURI() == null ? "" : request.getHttpURI().asString();
        String sent = RequestTargets.lastTarget(request.getConnectionMetaData().getConnection());
        if (sent != null && target.endsWith("/badMessage")) {
            // Jetty refused the target itself (%00) and stands in "/badMessage": the target as the client sent it
            target = sent;
        }
        boolean api = target.replaceFirst("^[A-Za-z]+://[^/]*", "").startsWith("/api/");
        HttpFields.Mutable headers = response.getHeaders();
        byte[] body = body(code, english, api);
        headers.put(HttpHeader.CONTENT_TYPE, (api ? "application/json" : "text/html") + ";charset=utf-8");
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        headers.put("Content-Language", english ? "en" : "ja");
        securityHeaders(headers);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        // no request could be read (a control character in a header): no cookie either, so Japanese
        byte[] body = body(status, false, false);
        fields.put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
        fields.put("Content-Language", "ja");
        securityHeaders(fields);
        return ByteBuffer.wrap(body);
    }

    private static void securityHeaders(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", Security.CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put(new HttpField(HttpHeader.CACHE_CONTROL, "no-store"));
    }

    static boolean english(String cookies) {
        return cookies != null && cookies.matches("(?s).*\\b" + Requests.LANG_COOKIE + "=en\\b.*");
    }

    static byte[] body(int status, boolean english, boolean api) {
        kusari.core.Ui ui = new kusari.core.Ui(english ? kusari.core.Ui.Lang.EN : kusari.core.Ui.Lang.JA, "/", "",
                null, null);
        String title = ui.t("error.status." + status);
        if (title.startsWith("error.status.")) {
            title = ui.t("error.status.other", status);
        }
        String message = status == 413 ? title : ui.t("error.badRequest.low");
        String html;
        if (api) {
            html = "{\"status\":" + status + ",\"error\":\"" + json(title) + "\",\"message\":\"" + json(message) + "\"}";
        } else {
            html = "<!DOCTYPE html><html lang=\"" + (english ? "en" : "ja") + "\"><head><meta charset=\"utf-8\">"
                    + "<title>" + status + " " + escape(title) + " - Kusari</title></head><body><main><h1>"
                    + escape(title) + "</h1><p>" + escape(message) + "</p><p><a href=\"/\">Kusari</a></p></main>"
                    + "</body></html>";
        }
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
