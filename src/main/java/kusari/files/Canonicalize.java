package kusari.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kusari.files.WorkspaceFiles.LoadedWorkspace;

/**
 * Rewrites every workspace file in its canonical form (key order, indentation, final newline), after checking it.
 * Run from the repository root: {@code mvn -q compile exec:java -Dexec.mainClass=kusari.files.Canonicalize}.
 */
public final class Canonicalize {

    private Canonicalize() {
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args.length > 0 ? args[0] : ".");
        WorkspaceLoader loader = new WorkspaceLoader(dataDir);
        int changed = 0;
        for (String slug : loader.workspaceSlugs()) {
            LoadedWorkspace ws;
            try {
                ws = loader.load(slug);
            } catch (DataFileException e) {
                System.err.println(e.getMessage());
                System.exit(1);
                return;
            }
            for (FileAndContent f : files(dataDir, ws)) {
                String text = DataJson.canonical(f.content());
                if (!Files.exists(f.path()) || !Files.readString(f.path(), StandardCharsets.UTF_8).equals(text)) {
                    Files.writeString(f.path(), text, StandardCharsets.UTF_8);
                    System.out.println("rewrote " + dataDir.relativize(f.path()));
                    changed++;
                }
            }
        }
        System.out.println(changed + " file(s) rewritten");
    }

    /** A data file's path and the record it holds. */
    public record FileAndContent(Path path, Object content) {
    }

    /** Every file of a loaded workspace with where it lives. */
    public static List<FileAndContent> files(Path dataDir, LoadedWorkspace ws) {
        Path journeys = dataDir.resolve("journeys").resolve(ws.slug());
        Path personas = dataDir.resolve("personas").resolve(ws.slug());
        List<FileAndContent> files = new ArrayList<>();
        files.add(new FileAndContent(journeys.resolve("workspace.json"), ws.workspace()));
        files.add(new FileAndContent(journeys.resolve("actors.json"), ws.actors()));
        files.add(new FileAndContent(journeys.resolve("framework.json"), ws.framework()));
        files.add(new FileAndContent(journeys.resolve("challenges.json"), ws.challenges()));
        ws.personas().forEach(p -> files.add(new FileAndContent(personas.resolve(p.slug() + ".json"), p)));
        ws.journeys().forEach(j -> files.add(new FileAndContent(journeys.resolve(j.slug() + ".json"), j)));
        return files;
    }
}
