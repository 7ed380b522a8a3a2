package kusari.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import kusari.files.ImportReport.Item;
import kusari.files.ImportReport.Kind;
import kusari.files.ImportReport.WorkspacePlan;
import kusari.files.WorkspaceFiles.ActorEntry;
import kusari.files.WorkspaceFiles.JourneyFile;
import kusari.files.WorkspaceFiles.LoadedWorkspace;
import kusari.files.WorkspaceFiles.NodeEntry;
import kusari.files.WorkspaceFiles.PersonaFile;
import kusari.files.WorkspaceFiles.ProjectEntry;
import kusari.files.WorkspaceFiles.StepEntry;

/**
 * What an import would add, change and remove in one workspace, entity by entity and file by file: the import
 * report's plan, compared on the files' records (the database side exported first), so nothing here reads the
 * database.
 */
final class WorkspaceDiff {

    private WorkspaceDiff() {
    }

    /** The differences between what the database holds ({@code current}, null when new) and the files. */
    static WorkspacePlan plan(LoadedWorkspace current, LoadedWorkspace incoming) {
        List<Item> items = new ArrayList<>();
        LoadedWorkspace before = current != null ? current : new LoadedWorkspace(null,
                new WorkspaceFiles.ActorsFile(List.of()), new WorkspaceFiles.FrameworkFile(List.of()),
                new WorkspaceFiles.ChallengesFile(List.of()), List.of(), List.of());
        if (current != null && !current.workspace().equals(incoming.workspace())) {
            items.add(new Item("workspace", incoming.slug(), incoming.workspace().name(), Kind.CHANGED));
        }
        diff(items, "actor", before.actors().actors(), incoming.actors().actors(), ActorEntry::name, ActorEntry::name);
        List<NodeAt> nodesBefore = nodes(before);
        List<NodeAt> nodesAfter = nodes(incoming);
        // a code on several levels (基本目標1 and 戦略1) is two nodes: their key names the level
        java.util.Set<String> repeated = new java.util.HashSet<>();
        for (List<NodeAt> list : List.of(nodesBefore, nodesAfter)) {
            Map<String, java.util.Set<Integer>> depths = new java.util.HashMap<>();
            list.forEach(n -> depths.computeIfAbsent(n.node().code(), k -> new java.util.HashSet<>()).add(n.depth()));
            depths.forEach((code, d) -> {
                if (d.size() > 1) {
                    repeated.add(code);
                }
            });
        }
        Function<NodeAt, String> nodeKey = n -> repeated.contains(n.node().code())
                ? n.node().code() + " (level " + n.depth() + ")" : n.node().code();
        diff(items, "node", nodesBefore, nodesAfter, nodeKey, n -> n.node().code() + " " + n.node().title());
        diff(items, "project", projects(before), projects(incoming), p -> p.project().code(),
                p -> p.project().code() + " " + p.project().name());
        diff(items, "challenge", before.challenges().challenges(), incoming.challenges().challenges(),
                ch -> String.valueOf(ch.number()), ch -> ch.number() + " " + ch.title());
        diff(items, "persona", before.personas(), incoming.personas(), PersonaFile::slug, p -> p.label() + " (" + p.slug() + ")");
        diff(items, "journey", before.journeys(), incoming.journeys(), JourneyFile::slug, j -> j.slug() + ": " + j.title());
        diff(items, "step", steps(before), steps(incoming), StepAt::key, StepAt::label);

        List<Item> files = new ArrayList<>();
        Map<String, String> was = current == null ? Map.of() : WorkspaceExporter.fileMap(current);
        Map<String, String> will = WorkspaceExporter.fileMap(incoming);
        will.forEach((path, text) -> {
            if (!was.containsKey(path)) {
                files.add(new Item("file", path, path, Kind.ADDED));
            } else if (!was.get(path).equals(text)) {
                files.add(new Item("file", path, path, Kind.CHANGED));
            }
        });
        was.keySet().stream().filter(path -> !will.containsKey(path))
                .forEach(path -> files.add(new Item("file", path, path, Kind.REMOVED)));
        return new WorkspacePlan(incoming.slug(), incoming.workspace().name(), current == null, items,
                current == null ? List.of() : files, 0);
    }

    /** Adds an item for every key only before, only after, or with a different value. */
    private static <T> void diff(List<Item> items, String entity, List<T> before, List<T> after,
                                 Function<T, String> key, Function<T, String> label) {
        Map<String, T> was = index(before, key);
        Map<String, T> will = index(after, key);
        will.forEach((k, v) -> {
            if (!was.containsKey(k)) {
                items.add(new Item(entity, k, label.apply(v), Kind.ADDED));
            } else if (!Objects.equals(was.get(k), v)) {
                items.add(new Item(entity, k, label.apply(v), Kind.CHANGED));
            }
        });
        was.forEach((k, v) -> {
            if (!will.containsKey(k)) {
                items.add(new Item(entity, k, label.apply(v), Kind.REMOVED));
            }
        });
    }

    private static <T> Map<String, T> index(List<T> list, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        list.forEach(t -> map.putIfAbsent(key.apply(t), t));
        return map;
    }

    /** A framework node without its subtree (a child's change is the child's, not its parent's), with its place. */
    private record NodeAt(String parent, int depth, int position, NodeEntry node) {
    }

    private static List<NodeAt> nodes(LoadedWorkspace ws) {
        List<NodeAt> all = new ArrayList<>();
        addNodes(all, "", 1, ws.framework().nodes());
        return all;
    }

    private static void addNodes(List<NodeAt> all, String parent, int depth, List<NodeEntry> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            NodeEntry n = nodes.get(i);
            all.add(new NodeAt(parent, depth, i, new NodeEntry(n.code(), n.title(), n.description(), n.indicators(),
                    List.of(), List.of(), n.readings())));
            addNodes(all, n.code(), depth + 1, n.children());
        }
    }

    private record ProjectAt(String node, int position, ProjectEntry project) {
    }

    private static List<ProjectAt> projects(LoadedWorkspace ws) {
        List<ProjectAt> all = new ArrayList<>();
        addProjects(all, ws.framework().nodes());
        return all;
    }

    private static void addProjects(List<ProjectAt> all, List<NodeEntry> nodes) {
        for (NodeEntry n : nodes) {
            for (int i = 0; i < n.projects().size(); i++) {
                all.add(new ProjectAt(n.code(), i, n.projects().get(i)));
            }
            addProjects(all, n.children());
        }
    }

    /**
     * A step keyed by its journey and title (the n-th step of that title, for the rare repeated title), so that
     * inserting a step reports one added step rather than every later one as changed. Its number is only shown, not
     * compared: a reorder shows as a changed journey.
     */
    private record StepAt(String journey, String title, int occurrence, int number, StepEntry step) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StepAt other && key().equals(other.key()) && step.equals(other.step);
        }

        @Override
        public int hashCode() {
            return Objects.hash(key(), step);
        }

        String key() {
            return journey + "/" + title + (occurrence > 1 ? "#" + occurrence : "");
        }

        String label() {
            return journey + " #" + number + " " + title;
        }
    }

    private static List<StepAt> steps(LoadedWorkspace ws) {
        List<StepAt> all = new ArrayList<>();
        for (JourneyFile j : ws.journeys()) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < j.steps().size(); i++) {
                StepEntry s = j.steps().get(i);
                int occurrence = seen.merge(s.title(), 1, Integer::sum);
                all.add(new StepAt(j.slug(), s.title(), occurrence, i + 1, s));
            }
        }
        return all;
    }
}
