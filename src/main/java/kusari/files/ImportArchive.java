package kusari.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks an uploaded zip into a fresh folder, or checks a folder given on the command line, refusing anything that
 * is not plainly a set of workspace files: entries escaping the folder ({@code ../}, absolute paths, backslashes),
 * symlinks, too many entries, entries or a total that inflate beyond the limits (bytes are counted as they are
 * inflated: a zip's own size fields are the attacker's to choose), files other than {@code .json}, and folders other
 * than {@code personas/<ws>/} and {@code journeys/<ws>/}. A refused archive leaves nothing behind.
 */
public final class ImportArchive {

    /** How much an import may hold. The sample workspace is 21 files and 170 kB. */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        public static final Limits DEFAULT = new Limits(1_000, 8L << 20, 64L << 20);
    }

    /** A name inside personas/ or journeys/: no leading dot, no separators, nothing but plain characters. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Set<String> TOP = Set.of("personas", "journeys");

    private ImportArchive() {
    }

    /** Unpacks {@code zipFile} into {@code target} (an empty folder); throws {@link ArchiveRefused} and empties it. */
    public static void unzip(Path zipFile, Path target, Limits limits) {
        try {
            unzipChecked(zipFile, target, limits);
        } catch (ArchiveRefused e) {
            clear(target);
            throw e;
        } catch (IOException e) {
            clear(target);
            throw new ArchiveRefused("files.refused.notZip");
        }
    }

    private static void unzipChecked(Path zipFile, Path target, Limits limits) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(zipFile).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > limits.maxEntries()) {
                throw new ArchiveRefused("files.refused.tooManyEntries", entries.size(), limits.maxEntries());
            }
            String prefix = commonWrapper(entries);
            Set<String> seen = new HashSet<>();
            long total = 0;
            for (ZipArchiveEntry entry : entries) {
                String raw = entry.getName();
                if (ignorable(raw)) {
                    continue;
                }
                String name = checkedName(raw);
                if (entry.isUnixSymlink()) {
                    throw new ArchiveRefused("files.refused.symlink", raw);
                }
                if (!prefix.isEmpty()) {
                    name = name.substring(prefix.length());
                    if (name.isEmpty()) {
                        continue;
                    }
                }
                if (!seen.add(name)) {
                    throw new ArchiveRefused("files.refused.duplicate", raw);
                }
                boolean directory = entry.isDirectory();
                checkPlace(raw, name.endsWith("/") ? name.substring(0, name.length() - 1) : name, directory);
                Path out = target.resolve(name).normalize();
                if (!out.startsWith(target)) {
                    throw new ArchiveRefused("files.refused.unsafePath", raw);
                }
                if (directory) {
                    Files.createDirectories(out);
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    throw new ArchiveRefused("files.refused.notZip");
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry);
                     OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
                    total = copy(in, o, raw, total, limits);
                }
            }
        }
    }

    /** Copies one entry, counting the bytes actually inflated against both limits; returns the new total. */
    private static long copy(InputStream in, OutputStream out, String name, long total, Limits limits) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long entryBytes = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            entryBytes += n;
            total += n;
            if (entryBytes > limits.maxEntryBytes()) {
                throw new ArchiveRefused("files.refused.entryTooLarge", name, megabytes(limits.maxEntryBytes()));
            }
            if (total > limits.maxTotalBytes()) {
                throw new ArchiveRefused("files.refused.tooLarge", megabytes(limits.maxTotalBytes()));
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /**
     * Checks a folder of workspace files given on the command line, by the same rules. Only its {@code personas/}
     * and {@code journeys/} folders are looked at (the folder may be a checkout with other things in it).
     */
    public static void checkFolder(Path folder, Limits limits) {
        if (!Files.isDirectory(folder.resolve("journeys"), LinkOption.NOFOLLOW_LINKS)) {
            throw new ArchiveRefused("files.refused.noWorkspace");
        }
        List<Path> files = new ArrayList<>();
        long[] total = {0};
        for (String top : TOP) {
            Path dir = folder.resolve(top);
            if (Files.isSymbolicLink(dir)) {
                throw new ArchiveRefused("files.refused.symlink", top);
            }
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                        if (!d.equals(dir)) {
                            checkPlace(shown(folder, d), shown(folder, d), true);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                        String name = shown(folder, f);
                        if (attrs.isSymbolicLink()) {
                            throw new ArchiveRefused("files.refused.symlink", name);
                        }
                        if (!attrs.isRegularFile()) {
                            throw new ArchiveRefused("files.refused.notJson", name);
                        }
                        checkPlace(name, name, false);
                        files.add(f);
                        if (files.size() > limits.maxEntries()) {
                            throw new ArchiveRefused("files.refused.tooManyEntries", files.size(), limits.maxEntries());
                        }
                        if (attrs.size() > limits.maxEntryBytes()) {
                            throw new ArchiveRefused("files.refused.entryTooLarge", name, megabytes(limits.maxEntryBytes()));
                        }
                        total[0] += attrs.size();
                        if (total[0] > limits.maxTotalBytes()) {
                            throw new ArchiveRefused("files.refused.tooLarge", megabytes(limits.maxTotalBytes()));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new ArchiveRefused("files.refused.unreadable", top, e.getMessage());
            }
        }
    }

    private static String shown(Path folder, Path p) {
        return folder.relativize(p).toString().replace('\\', '/');
    }

    /** Finder's resource forks and folder settings: metadata a Mac adds to every zip, never workspace content. */
    private static boolean ignorable(String name) {
        return name.startsWith("__MACOSX/") || name.equals(".DS_Store") || name.endsWith("/.DS_Store");
    }

    /** Refuses names that could land outside the target folder or that no workspace file has. */
    private static String checkedName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw new ArchiveRefused("files.refused.unsafePath", name);
        }
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new ArchiveRefused("files.refused.unsafePath", name);
            }
        }
        return name;
    }

    /**
     * A zip made by compressing the export folder itself has one folder around everything (kusari-export/personas/…):
     * that wrapper is dropped. Returns it with its slash, or "".
     */
    private static String commonWrapper(List<ZipArchiveEntry> entries) {
        String wrapper = null;
        for (ZipArchiveEntry e : entries) {
            String name = e.getName();
            if (ignorable(name)) {
                continue;
            }
            int slash = name.indexOf('/');
            if (slash <= 0) {
                return "";
            }
            String first = name.substring(0, slash + 1);
            if (wrapper == null) {
                wrapper = first;
            } else if (!wrapper.equals(first)) {
                return "";
            }
        }
        if (wrapper == null || TOP.contains(wrapper.substring(0, wrapper.length() - 1))) {
            return "";
        }
        return wrapper;
    }

    /** Only personas/, journeys/, their workspace folders, and .json files directly inside those. */
    private static void checkPlace(String shown, String name, boolean directory) {
        String[] parts = name.split("/");
        if (!TOP.contains(parts[0])) {
            throw new ArchiveRefused(directory || parts.length > 1 ? "files.refused.badFolder" : "files.refused.notJson", shown);
        }
        for (int i = 1; i < parts.length; i++) {
            if (!SEGMENT.matcher(parts[i]).matches()) {
                throw new ArchiveRefused("files.refused.unsafePath", shown);
            }
        }
        if (directory) {
            if (parts.length > 2) {
                throw new ArchiveRefused("files.refused.badFolder", shown);
            }
            return;
        }
        if (parts.length != 3) {
            throw new ArchiveRefused(parts.length > 3 ? "files.refused.badFolder" : "files.refused.notJson", shown);
        }
        if (!parts[2].endsWith(".json")) {
            throw new ArchiveRefused("files.refused.notJson", shown);
        }
    }

    private static String megabytes(long bytes) {
        return (bytes >> 20) + " MB";
    }

    /** Deletes everything under {@code dir} (not following links), leaving the folder itself. */
    static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }
}
