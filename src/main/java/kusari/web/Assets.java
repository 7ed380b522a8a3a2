package kusari.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The style sheets, script and icon under names that carry their content's fingerprint
 * ({@code /assets/app.3f2a1b9c0d.css}): a browser may keep such a file for a year without asking again, because a
 * changed file gets a new name. Pages link to them through {@link #url}; the plain {@code /static/…} addresses stay
 * for development (files reread on every change) and for old bookmarks.
 */
public final class Assets {

    /** The files pages link to, as paths below static/. */
    static final List<String> FILES = List.of("css/app.css", "css/print.css", "js/app.js", "img/favicon.svg");

    public static final RoutePath PATH = RoutePath.of("/assets/{name}");

    private static final Map<String, String> MIME = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");

    /** One fingerprinted file: its bytes as served and its content type. */
    private record Asset(byte[] bytes, String contentType) {
    }

    /** static/ path -> fingerprinted URL, for the templates; fingerprinted name -> file, for the route. */
    private static final Map<String, String> URLS = new ConcurrentHashMap<>();
    private static final Map<String, Asset> BY_NAME = new ConcurrentHashMap<>();
    private static volatile boolean fingerprinted;

    private Assets() {
    }

    /**
     * Reads and fingerprints every file once at start-up, from {@code folder} (a static/ folder on disk) or from the
     * class path when null. In development ({@code fingerprint} false) pages keep the plain /static addresses.
     */
    static synchronized void load(Path folder, boolean fingerprint) {
        URLS.clear();
        BY_NAME.clear();
        fingerprinted = fingerprint;
        if (!fingerprint) {
            return;
        }
        for (String file : FILES) {
            byte[] bytes = read(folder, file);
            String name = file.substring(file.lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            String extension = name.substring(dot + 1);
            String fingerprintedName = name.substring(0, dot) + "." + hash(bytes) + "." + extension;
            BY_NAME.put(fingerprintedName, new Asset(bytes, MIME.getOrDefault(extension, "application/octet-stream")));
            URLS.put(file, PATH.fill(fingerprintedName));
        }
    }

    /** The address a page links to for a file below static/ (e.g. {@code css/app.css}). */
    public static String url(String file) {
        String url = fingerprinted ? URLS.get(file) : null;
        return url != null ? url : "/static/" + file;
    }

    /** Answers a fingerprinted file with a year of caching; an old or unknown name is simply not found. */
    static void serve(Context ctx) {
        Asset asset = BY_NAME.get(ctx.pathParam("name"));
        if (asset == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    static Route route() {
        return Route.get(PATH, Assets::serve, Access.ANYONE);
    }

    private static byte[] read(Path folder, String file) {
        try {
            if (folder != null) {
                return Files.readAllBytes(folder.resolve(file));
            }
            try (InputStream in = Assets.class.getResourceAsStream("/static/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("static/" + file + " is missing from the class path");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read static/" + file, e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
