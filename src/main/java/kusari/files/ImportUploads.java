package kusari.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Uploaded archives waiting for the person to read the dry-run report and confirm. Each upload lives in a temp
 * folder named by a random token (the archive never travels back and forth in the page); the folder holds the
 * unpacked files and, once applied, a note of what was imported. Uploads older than {@link #LIFETIME} are removed.
 */
public final class ImportUploads {

    static final Duration LIFETIME = Duration.ofHours(2);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String APPLIED = "applied.txt";

    private final Path root;

    public ImportUploads(Path root) {
        this.root = root;
    }

    /**
     * The store beside the database file ({@code data/import-uploads/} by default): private to this installation,
     * on the same disk as the data, and still there after a restart between the report and the confirmation.
     */
    public static ImportUploads besideDatabase(Path dbFile) {
        Path parent = dbFile.toAbsolutePath().getParent();
        return new ImportUploads(parent.resolve("import-uploads"));
    }

    /** A new, empty upload folder; returns its token. */
    public String create() {
        purgeExpired();
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.createDirectories(root);
            Files.createDirectories(files(token));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return token;
    }

    /** True for a well-formed token whose folder still exists (a token is never used to build a path otherwise). */
    public boolean exists(String token) {
        return token != null && TOKEN.matcher(token).matches() && Files.isDirectory(root.resolve(token));
    }

    /** Where the uploaded zip is kept while it is unpacked. */
    public Path archive(String token) {
        return folder(token).resolve("upload.zip");
    }

    /** The unpacked files: a data folder with personas/ and journeys/. */
    public Path files(String token) {
        return folder(token).resolve("files");
    }

    /** A workspace an upload imported: its slug (for the link) and its name (for people). */
    public record Applied(String slug, String name) {
    }

    public void markApplied(String token, List<Applied> workspaces) {
        try {
            List<String> lines = workspaces.stream().map(w -> w.slug() + "\t" + w.name().replace('\n', ' ')).toList();
            Files.writeString(folder(token).resolve(APPLIED), String.join("\n", lines), StandardCharsets.UTF_8);
            ImportArchive.clear(files(token));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workspaces an applied upload imported; empty while it waits for confirmation. */
    public Optional<List<Applied>> applied(String token) {
        Path note = folder(token).resolve(APPLIED);
        if (!Files.isRegularFile(note)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(note, StandardCharsets.UTF_8);
            return Optional.of(text.isEmpty() ? List.of() : Stream.of(text.split("\n"))
                    .map(line -> line.split("\t", 2))
                    .map(parts -> new Applied(parts[0], parts.length > 1 ? parts[1] : parts[0]))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String token) {
        Path folder = folder(token);
        ImportArchive.clear(folder);
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path folder(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("not an upload token");
        }
        return root.resolve(token);
    }

    private void purgeExpired() {
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant limit = Instant.now().minus(LIFETIME);
        try (Stream<Path> list = Files.list(root)) {
            for (Path p : list.toList()) {
                FileTime modified = Files.getLastModifiedTime(p);
                String name = p.getFileName().toString();
                if (TOKEN.matcher(name).matches() && modified.toInstant().isBefore(limit)) {
                    delete(name);
                }
            }
        } catch (IOException e) {
            // Leftovers are removed on a later upload; an upload must not fail because of an old one.
        }
    }
}
