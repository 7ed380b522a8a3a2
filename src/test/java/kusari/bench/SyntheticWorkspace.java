package kusari.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kusari.db.Database;

/**
 * Generates a synthetic workspace of a given size straight into the database, reproducibly (fixed seed). The shape
 * follows the sample: personas with one journey each, steps with emotion scores, actions by one or two actors,
 * numbered challenges spanning steps, projects under a three-level framework answering challenges, budgets per fiscal
 * year (some missing), goal indicators, KPIs and action indicators (some without baseline, target or actual).
 */
public final class SyntheticWorkspace {

    /**
     * @param personas        one journey each
     * @param stepsPerJourney steps of every journey
     * @param projects        funded projects, spread over the measures
     * @param indicators      goal indicators, KPIs and action indicators together
     */
    public record Size(int personas, int stepsPerJourney, int challenges, int projects, int indicators, int actors,
                       int fields) {

        /** The size named in the issue: 1,000 personas, 20,000 steps, 5,000 projects, 10,000 indicators. */
        public static Size large() {
            return new Size(1_000, 20, 2_000, 5_000, 10_000, 200, 10);
        }

        /** {@link #large()} scaled down (or up) by {@code factor}. */
        public static Size scaled(double factor) {
            Size l = large();
            return new Size(at(l.personas, factor), l.stepsPerJourney, at(l.challenges, factor), at(l.projects, factor),
                    at(l.indicators, factor), Math.max(4, at(l.actors, factor)), Math.max(2, at(l.fields, Math.sqrt(factor))));
        }

        private static int at(int n, double factor) {
            return Math.max(1, (int) Math.round(n * factor));
        }

        public int steps() {
            return personas * stepsPerJourney;
        }
    }

    private SyntheticWorkspace() {
    }

    /** Writes the workspace {@code slug} (plan FY2020–FY2024) in one transaction. */
    public static void generate(Database db, String slug, Size size) {
        Random random = new Random(42);
        db.inTransaction(c -> {
            WorkspaceBuilder b = new WorkspaceBuilder(c);
            b.workspace(slug, 2020, 2024, "政策分野", "基本的方向", "施策", "事業");
            List<Long> actors = new ArrayList<>();
            for (int i = 0; i < size.actors(); i++) {
                actors.add(b.actor("担当" + i, i % 3 != 0));
            }
            // Framework: fields → directions → measures, about five projects per measure.
            int measuresWanted = Math.max(1, size.projects() / 5);
            int perField = Math.max(1, (int) Math.ceil(Math.sqrt((double) measuresWanted / size.fields())));
            List<Long> fields = new ArrayList<>();
            List<Long> measures = new ArrayList<>();
            for (int f = 1; f <= size.fields(); f++) {
                long field = b.node(null, 1, String.valueOf(f), "分野" + f);
                fields.add(field);
                for (int d = 1; d <= perField; d++) {
                    long direction = b.node(field, 2, f + "-" + d, "方向" + f + "-" + d);
                    for (int m = 1; m <= perField && measures.size() < measuresWanted; m++) {
                        measures.add(b.node(direction, 3, f + "-" + d + "-" + m, "施策" + f + "-" + d + "-" + m));
                    }
                }
            }
            List<Long> projects = new ArrayList<>();
            for (int p = 0; p < size.projects(); p++) {
                long project = b.project(measures.get(p % measures.size()), "P" + p, "事業" + p);
                projects.add(project);
                if (random.nextInt(10) != 0) {
                    b.lead(project, actors.get(random.nextInt(actors.size())));
                }
                for (int y = 2020; y <= 2024; y++) {
                    if (random.nextInt(8) != 0) {
                        b.budget(project, y, 100 + random.nextInt(10_000));
                    }
                }
            }
            List<Long> challenges = new ArrayList<>();
            for (int n = 1; n <= size.challenges(); n++) {
                long challenge = b.challenge(n, "課題" + n);
                challenges.add(challenge);
                int answered = random.nextInt(4); // 0 to 3 projects; 0 leaves a challenge unanswered
                java.util.Set<Long> drawn = new java.util.LinkedHashSet<>();
                for (int k = 0; k < answered; k++) {
                    drawn.add(projects.get(random.nextInt(projects.size())));
                }
                for (long project : drawn) {
                    b.challengeProject(challenge, project);
                }
            }
            // Indicators: 5 goals per field, one action indicator per challenge (some challenges go without),
            // the rest as KPIs of projects.
            int made = 0;
            for (long field : fields) {
                for (int g = 0; g < 5 && made < size.indicators(); g++, made++) {
                    indicator(b, random, "GOAL", field, null, null, "目標" + made);
                }
            }
            for (long challenge : challenges) {
                if (made < size.indicators() && random.nextInt(6) != 0) {
                    indicator(b, random, "ACTION", null, null, challenge, "行動" + made);
                    made++;
                }
            }
            for (int i = 0; made < size.indicators(); i++, made++) {
                indicator(b, random, "KPI", null, projects.get(i % projects.size()), null, "KPI" + made);
            }
            for (int p = 0; p < size.personas(); p++) {
                long persona = b.persona("p" + p, "P" + p + "さん");
                long journey = b.journey(persona, "j" + p, "体験" + p);
                for (int s = 1; s <= size.stepsPerJourney(); s++) {
                    long step = b.step(journey, s, "ステップ" + s, random.nextInt(5) - 2, "困りごと" + s);
                    if (random.nextInt(5) != 0) {
                        long first = actors.get(random.nextInt(actors.size()));
                        long second = actors.get(random.nextInt(actors.size()));
                        if (first == second) {
                            b.act(step, "取組", first);
                        } else {
                            b.act(step, "取組", first, second);
                        }
                    }
                    if (random.nextInt(3) != 0) {
                        b.stepChallenge(step, challenges.get(random.nextInt(challenges.size())));
                    }
                }
            }
            b.close();
            return null;
        });
    }

    private static void indicator(WorkspaceBuilder b, Random random, String kind, Long node, Long project,
                                  Long challenge, String name) throws SQLException {
        Double baseline = random.nextInt(10) == 0 ? null : (double) random.nextInt(100);
        Double target = random.nextInt(10) == 0 ? null : 100.0 + random.nextInt(100);
        long id = b.indicator(kind, node, project, challenge, name, baseline, target, 2024);
        for (int y = 2020; y <= 2024; y++) {
            if (random.nextInt(4) != 0) {
                b.actual(id, y, random.nextInt(200));
            }
        }
    }
}
