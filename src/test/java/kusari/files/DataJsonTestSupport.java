package kusari.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads one data file into its record, for tests that rewrite a file through the records. */
final class DataJsonTestSupport {

    private DataJsonTestSupport() {
    }

    static <T> T read(Path dataDir, String file, Class<T> type) {
        try {
            return DataJson.mapper().readValue(dataDir.resolve(file).toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
