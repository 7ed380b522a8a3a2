package kusari.files;

import java.util.List;

/**
 * What an import would do (a dry run) or did: per workspace, whether it is new and what is added, changed or removed;
 * and every problem with its file and JSON path. Nothing is applied while there is a problem.
 *
 * @param fingerprint a digest of the database state the report was made against: applying checks it is still the
 *                    same, so a person never confirms one report and gets another result
 */
public record ImportReport(List<WorkspacePlan> workspaces, List<DataFileProblem> problems, String fingerprint) {

    public boolean ok() {
        return problems.isEmpty() && !workspaces.isEmpty();
    }

    /** True when applying would change nothing at all. */
    public boolean nothingToDo() {
        return workspaces.stream().allMatch(WorkspacePlan::unchanged);
    }

    /**
     * One workspace of the import. {@code files}: file-level differences, for what entity lines cannot show.
     * {@code actualsLost}: actual values (実績値) and evaluations the database holds for this workspace's indicators;
     * the file format has no place for them, so replacing the workspace drops them, and the report says so.
     */
    public record WorkspacePlan(String slug, String name, boolean isNew, List<Item> items, List<Item> files,
                                long actualsLost, long openWorkshops) {

        /**
         * {@code openWorkshops}: workshops of this workspace still open; replacing the workspace brings them back
         * from the files as closed records, so their phones can no longer post, and the report says so.
         */
        public WorkspacePlan(String slug, String name, boolean isNew, List<Item> items, List<Item> files,
                             long actualsLost) {
            this(slug, name, isNew, items, files, actualsLost, 0);
        }

        /** True when applying would change nothing of this workspace. */
        public boolean unchanged() {
            return !isNew && items.isEmpty() && files.isEmpty();
        }

        public long count(Kind kind) {
            return items.stream().filter(i -> i.change() == kind).count();
        }

        /** The items of one entity type ("persona", "step"…), in report order. */
        public List<Item> of(String entity) {
            return items.stream().filter(i -> i.entity().equals(entity)).toList();
        }
    }

    /**
     * One thing added, changed or removed.
     *
     * @param entity workspace, actor, node, project, challenge, persona, journey, step, or file
     * @param key    its identity in the files: a slug, a code, a number, a journey slug and step title
     * @param label  how a person recognises it (「Bさん」, 「課題2 子育てアプリが知られていない」)
     */
    public record Item(String entity, String key, String label, Kind change) {
    }

    public enum Kind { ADDED, CHANGED, REMOVED }

    /** Entity types in the order the report lists them. */
    public static final List<String> ENTITIES =
            List.of("workspace", "actor", "node", "project", "challenge", "persona", "journey", "step");
}
