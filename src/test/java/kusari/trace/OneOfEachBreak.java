package kusari.trace;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import kusari.bench.WorkspaceBuilder;
import kusari.db.Database;

/**
 * A small workspace built so that the chain check finds exactly one break of each kind (plan FY2020–FY2022, checked
 * on 1 June 2023, so FY2022 is the last completed year):
 * <pre>
 * step 1 (+1) A, 課題1 │ step 2 (−1) nobody, 課題1 ← no actor │ step 3 (+1) A, 課題1 │
 * step 4 (−1) A, no challenge ← no challenge, starts the broken stretch 4–5 │ step 5 (−2) A, 課題1 │
 * step 6 (+1) B, 課題2 ← hand-off 5→6 dropped (A→B, no shared challenge or project)
 * 課題2 has no project; 課題3 has no action indicator; P2 serves no challenge; P3 has no lead; P4 lacks FY2022;
 * goal G1 has no baseline, G2 no target, G3 no FY2022 actual.
 * </pre>
 */
final class OneOfEachBreak {

    static final Clock CHECKED_ON = Clock.fixed(Instant.parse("2023-06-01T00:00:00Z"), ZoneId.of("Asia/Tokyo"));

    long workspaceId;
    long step2;
    long step4;
    long step5;
    long step6;
    long challenge2;
    long challenge3;
    long p1;
    long p2;
    long p3;
    long p4;
    long g1;
    long g2;
    long g3;

    static OneOfEachBreak build(Database db) {
        OneOfEachBreak f = new OneOfEachBreak();
        db.inTransaction(c -> {
            WorkspaceBuilder b = new WorkspaceBuilder(c);
            b.workspace("breaks", 2020, 2022, "政策分野", "施策", "事業");
            f.workspaceId = b.workspaceId();
            long a = b.actor("健康増進課", true);
            long partner = b.actor("市民組織", false);
            long field = b.node(null, 1, "1", "子育て");
            long measure = b.node(field, 2, "1-01", "子育て家族に優しい");
            f.p1 = fundedProject(b, measure, "1-01-1", "アプリ事業", a, 2020, 2021, 2022);
            f.p2 = fundedProject(b, measure, "1-01-2", "看板事業", a, 2020, 2021, 2022);
            f.p3 = fundedProject(b, measure, "1-01-3", "広場事業", null, 2020, 2021, 2022);
            f.p4 = fundedProject(b, measure, "1-01-4", "訪問事業", a, 2020, 2021);

            long c1 = b.challenge(1, "アプリが知られていない");
            f.challenge2 = b.challenge(2, "広場に参加しにくい");
            f.challenge3 = b.challenge(3, "相談先が分からない");
            completeIndicator(b, "ACTION", null, c1, "広報紙で年1回特集");
            completeIndicator(b, "ACTION", null, f.challenge2, "年1回交流会");
            b.challengeProject(c1, f.p1);
            b.challengeProject(c1, f.p3);
            b.challengeProject(c1, f.p4);
            b.challengeProject(f.challenge3, f.p1);

            f.g1 = b.indicator("GOAL", field, null, null, "出生率", null, 1.8, 2022);
            b.actual(f.g1, 2022, 1.6);
            f.g2 = b.indicator("GOAL", field, null, null, "転入者数", 100.0, null, null);
            b.actual(f.g2, 2022, 110);
            f.g3 = b.indicator("GOAL", field, null, null, "子育て満足度", 50.0, 70.0, 2022);
            b.actual(f.g3, 2021, 60);
            completeIndicator(b, "GOAL", field, null, "婚姻数");

            long persona = b.persona("x", "Xさん");
            long journey = b.journey(persona, "x", "妊娠から広場まで");
            long s1 = b.step(journey, 1, "母子手帳", 1, "");
            f.step2 = b.step(journey, 2, "両親学級", -1, "平日で行けない");
            long s3 = b.step(journey, 3, "出産", 1, "");
            f.step4 = b.step(journey, 4, "訪問", -1, "誰に聞けばよいか");
            f.step5 = b.step(journey, 5, "健診", -2, "待ち時間が長い");
            f.step6 = b.step(journey, 6, "子育て広場", 1, "");
            b.act(s1, "発行時に一言添える", a);
            b.act(s3, "お祝いカード", a);
            b.act(f.step4, "訪問時に一言添える", a);
            b.act(f.step5, "健診で案内", a);
            b.act(f.step6, "広場で迎える", partner);
            for (long s : new long[] {s1, f.step2, s3, f.step5}) {
                b.stepChallenge(s, c1);
            }
            b.stepChallenge(f.step6, f.challenge2);
            b.close();
            return null;
        });
        return f;
    }

    private static long fundedProject(WorkspaceBuilder b, long node, String code, String name, Long lead, int... years)
            throws java.sql.SQLException {
        long p = b.project(node, code, name);
        if (lead != null) {
            b.lead(p, lead);
        }
        for (int y : years) {
            b.budget(p, y, 1000);
        }
        return p;
    }

    private static void completeIndicator(WorkspaceBuilder b, String kind, Long node, Long challenge, String name)
            throws java.sql.SQLException {
        long i = b.indicator(kind, node, null, challenge, name, 1.0, 2.0, 2022);
        b.actual(i, 2022, 1.5);
    }
}
