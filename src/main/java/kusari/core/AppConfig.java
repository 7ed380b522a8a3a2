package kusari.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings from environment variables, with defaults that run the sample workspace from the repository root.
 *
 * @param port         KUSARI_PORT, default 7070
 * @param dbFile       KUSARI_DB, default data/kusari.db under the data folder
 * @param dataDir      KUSARI_DATA, the folder holding personas/ and journeys/; default the working directory
 * @param devTemplates KUSARI_DEV=true reads templates and static files from src/ and static/ on every request
 * @param https          KUSARI_HTTPS=true: every request counts as HTTPS (behind a TLS proxy; see README)
 * @param trustedProxies KUSARI_TRUSTED_PROXIES: addresses of reverse proxies whose X-Forwarded-Proto/-For are believed
 * @param sessionIdle    KUSARI_SESSION_IDLE_MINUTES, default 30: a session unused this long is over
 * @param staticDir      KUSARI_STATIC_DIR: serve /static from this folder on disk instead of the class path (the
 *                       performance benchmark puts copies of pages there to compare them with a plain file); null: not set
 * @param publicUrl      KUSARI_PUBLIC_URL: the address phones in the room reach (a city hall's LAN address), from
 *                       which the workshop's join link and QR code are made; null: http://localhost:&lt;port&gt;
 */
public record AppConfig(int port, Path dbFile, Path dataDir, boolean devTemplates, boolean https,
                        java.util.Set<String> trustedProxies, java.time.Duration sessionIdle, Path staticDir,
                        String publicUrl) {

    /** Without a public address: the join links start with http://localhost:&lt;port&gt;. */
    public AppConfig(int port, Path dbFile, Path dataDir, boolean devTemplates, boolean https,
                     java.util.Set<String> trustedProxies, java.time.Duration sessionIdle, Path staticDir) {
        this(port, dbFile, dataDir, devTemplates, https, trustedProxies, sessionIdle, staticDir, null);
    }

    /** The base of the join links, without a trailing slash. */
    public String publicBaseUrl(int actualPort) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            String url = publicUrl.strip();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        return "http://localhost:" + actualPort;
    }

    /** Static files from the class path (or from static/ when developing templates). */
    public AppConfig(int port, Path dbFile, Path dataDir, boolean devTemplates, boolean https,
                     java.util.Set<String> trustedProxies, java.time.Duration sessionIdle) {
        this(port, dbFile, dataDir, devTemplates, https, trustedProxies, sessionIdle, null);
    }

    /** Plain HTTP, no trusted proxy, 30 minutes of inactivity (tests, and the defaults). */
    public AppConfig(int port, Path dbFile, Path dataDir, boolean devTemplates) {
        this(port, dbFile, dataDir, devTemplates, false, java.util.Set.of(), java.time.Duration.ofMinutes(30));
    }

    public static AppConfig fromEnv() {
        return from(System.getenv());
    }

    static AppConfig from(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("KUSARI_DATA", "."));
        String portText = env.getOrDefault("KUSARI_PORT", "7070");
        int port;
        try {
            port = Integer.parseInt(portText.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("KUSARI_PORT must be a port number, not \"" + portText + "\"");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("KUSARI_PORT must be between 0 and 65535, not " + port);
        }
        String db = env.get("KUSARI_DB");
        Path dbFile = db == null || db.isBlank() ? dataDir.resolve("data").resolve("kusari.db") : Path.of(db);
        boolean dev = Boolean.parseBoolean(env.getOrDefault("KUSARI_DEV", "false"));
        // accounts and sessions
        boolean https = Boolean.parseBoolean(env.getOrDefault("KUSARI_HTTPS", "false"));
        java.util.Set<String> proxies = new java.util.TreeSet<>();
        for (String p : env.getOrDefault("KUSARI_TRUSTED_PROXIES", "").split(",")) {
            if (!p.isBlank()) {
                proxies.add(p.strip());
            }
        }
        String idleText = env.getOrDefault("KUSARI_SESSION_IDLE_MINUTES", "30");
        long idle;
        try {
            idle = Long.parseLong(idleText.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("KUSARI_SESSION_IDLE_MINUTES must be a number of minutes, not \"" + idleText + "\"");
        }
        if (idle < 1 || idle > 24 * 60) {
            throw new IllegalArgumentException("KUSARI_SESSION_IDLE_MINUTES must be between 1 and 1440, not " + idle);
        }
        String staticText = env.get("KUSARI_STATIC_DIR");
        Path staticDir = null;
        if (staticText != null && !staticText.isBlank()) {
            staticDir = Path.of(staticText.strip()).toAbsolutePath();
            if (!java.nio.file.Files.isDirectory(staticDir)) {
                throw new IllegalArgumentException("KUSARI_STATIC_DIR must be an existing folder, not \"" + staticText + "\"");
            }
        }
        String publicUrl = env.get("KUSARI_PUBLIC_URL");
        if (publicUrl != null && !publicUrl.isBlank() && !publicUrl.strip().matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new IllegalArgumentException("KUSARI_PUBLIC_URL must be an address such as http://192.168.1.10:7070, not \""
                    + publicUrl + "\"");
        }
        return new AppConfig(port, dbFile, dataDir, dev, https, java.util.Set.copyOf(proxies), java.time.Duration.ofMinutes(idle),
                staticDir, publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip());
    }
}
