package kusari.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kusari.files.WorkspaceFiles.ActorsFile;
import kusari.files.WorkspaceFiles.ChallengesFile;
import kusari.files.WorkspaceFiles.FrameworkFile;
import kusari.files.WorkspaceFiles.JourneyFile;
import kusari.files.WorkspaceFiles.LoadedWorkspace;
import kusari.files.WorkspaceFiles.PersonaFile;
import kusari.files.WorkspaceFiles.WorkspaceFile;

/**
 * Reads the workspace files under a data folder ({@code personas/<ws>/}, {@code journeys/<ws>/}) and checks them.
 * Every problem found is reported with its file and JSON path; nothing is returned unless all files are sound.
 */
public final class WorkspaceLoader {

    public static final Set<String> RESERVED = Set.of("workspace", "actors", "framework", "challenges");
    private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']+)'");

    private final Path dataDir;

    public WorkspaceLoader(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The workspace folders under {@code journeys/}, by name. */
    public List<String> workspaceSlugs() {
        Path journeys = dataDir.resolve("journeys");
        if (!Files.isDirectory(journeys)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(journeys)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new DataFileException(List.of(new DataFileProblem("journeys", "$", "cannot list the folder: " + e.getMessage())));
        }
    }

    /** Loads and checks one workspace; throws {@link DataFileException} listing every problem. */
    public LoadedWorkspace load(String slug) {
        List<DataFileProblem> problems = new ArrayList<>();
        Path journeyDir = dataDir.resolve("journeys").resolve(slug);
        Path personaDir = dataDir.resolve("personas").resolve(slug);

        WorkspaceFile workspace = read(journeyDir.resolve("workspace.json"), WorkspaceFile.class, problems).orElse(null);
        ActorsFile actors = read(journeyDir.resolve("actors.json"), ActorsFile.class, problems).orElse(null);
        FrameworkFile framework = read(journeyDir.resolve("framework.json"), FrameworkFile.class, problems).orElse(null);
        ChallengesFile challenges = read(journeyDir.resolve("challenges.json"), ChallengesFile.class, problems).orElse(null);

        List<Named<PersonaFile>> personas = new ArrayList<>();
        if (!Files.isDirectory(personaDir)) {
            problems.add(new DataFileProblem(relative(personaDir), "$", "folder is missing: every workspace needs its personas"));
        } else {
            for (Path file : jsonFiles(personaDir, problems)) {
                read(file, PersonaFile.class, problems).ifPresent(p -> personas.add(new Named<>(relative(file), baseName(file), p)));
            }
        }
        List<Named<JourneyFile>> journeys = new ArrayList<>();
        for (Path file : jsonFiles(journeyDir, problems)) {
            if (!RESERVED.contains(baseName(file))) {
                read(file, JourneyFile.class, problems).ifPresent(j -> journeys.add(new Named<>(relative(file), baseName(file), j)));
            }
        }

        if (problems.isEmpty()) {
            new WorkspaceValidator(slug, relative(journeyDir), workspace, actors, framework, challenges, personas, journeys)
                    .validate(problems);
        }
        if (!problems.isEmpty()) {
            throw new DataFileException(problems);
        }
        return new LoadedWorkspace(workspace, actors, framework, challenges,
                personas.stream().map(Named::value).toList(), journeys.stream().map(Named::value).toList());
    }

    /** A parsed file with its display path and its name without .json. */
    record Named<T>(String file, String baseName, T value) {
    }

    private <T> Optional<T> read(Path file, Class<T> type, List<DataFileProblem> problems) {
        String shown = relative(file);
        if (!Files.isRegularFile(file)) {
            problems.add(new DataFileProblem(shown, "$", "file is missing"));
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(DataJson.mapper().readValue(text, type));
        } catch (CharacterCodingException e) {
            problems.add(new DataFileProblem(shown, "$", "is not valid UTF-8"));
        } catch (JsonProcessingException e) {
            problems.add(describe(shown, e));
        } catch (IOException e) {
            problems.add(new DataFileProblem(shown, "$", "cannot be read: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** Turns Jackson's exception into the file, JSON path and a plain sentence. */
    static DataFileProblem describe(String file, JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return new DataFileProblem(file, "$", "is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String message;
        Matcher missing = MISSING.matcher(e.getOriginalMessage());
        if (missing.find()) {
            String field = "." + missing.group(1);
            if (!path.toString().endsWith(field)) {
                path.append(field);
            }
            message = "required field is missing";
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field \"" + unknown.getPropertyName() + "\" (see docs/data-format.md)";
        } else if (e instanceof InvalidNullException) {
            message = "must not be null";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + typeName(mismatch.getTargetType()) + " here";
        } else {
            message = e.getOriginalMessage();
        }
        return new DataFileProblem(file, path.toString(), message);
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "text (a JSON string)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list (a JSON array)";
        }
        if (type == java.math.BigDecimal.class) {
            return "a number or null";
        }
        return "an object";
    }

    private List<Path> jsonFiles(Path dir, List<DataFileProblem> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            problems.add(new DataFileProblem(relative(dir), "$", "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    private String relative(Path p) {
        Path abs = dataDir.toAbsolutePath().normalize();
        Path target = p.toAbsolutePath().normalize();
        return target.startsWith(abs) ? abs.relativize(target).toString().replace('\\', '/') : target.toString();
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }
}
