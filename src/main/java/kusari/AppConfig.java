package kusari;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings from environment variables, with defaults that run the sample workspace from the repository root.
 *
 * @param port         KUSARI_PORT, default 7070
 * @param dbFile       KUSARI_DB, default data/kusari.db under the data folder
 * @param dataDir      KUSARI_DATA, the folder holding personas/ and journeys/; default the working directory
 * @param devTemplates KUSARI_DEV=true reads templates and static files from src/ and static/ on every request
 */
public record AppConfig(int port, Path dbFile, Path dataDir, boolean devTemplates) {

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
        return new AppConfig(port, dbFile, dataDir, dev);
    }
}
