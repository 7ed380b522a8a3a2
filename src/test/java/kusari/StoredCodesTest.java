package kusari;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kusari.actor.ActorKind;
import kusari.challenge.LinkBasis;
import kusari.core.StoredCode;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import kusari.indicator.Direction;
import kusari.indicator.IndicatorKind;
import kusari.indicator.NextAction;
import kusari.indicator.ReviewBasis;
import kusari.indicator.ValueState;
import kusari.strategy.FundingSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codes of the domain enums are exactly the values the migrations' CHECKs allow, in the same order. */
class StoredCodesTest {

    @TempDir
    Path dir;

    private record Column(String table, String column, String[] codes) {
    }

    @Test
    void everyEnumHasTheCodesItsColumnAllows() {
        Database db = Database.open(dir.resolve("codes.db"));
        Migrations.apply(db);
        for (Column col : List.of(
                new Column("actor", "kind", ActorKind.codes()),
                new Column("indicator", "kind", IndicatorKind.codes()),
                new Column("indicator", "direction", Direction.codes()),
                new Column("actual", "state", ValueState.codes()),
                new Column("indicator_review", "next_action", NextAction.codes()),
                new Column("project_review", "next_action", NextAction.codes()),
                new Column("review_setting", "basis", ReviewBasis.codes()),
                new Column("challenge_project", "basis", LinkBasis.codes()),
                new Column("budget_source", "source", FundingSource.codes()))) {
            String sql = db.read(c -> Sql.queryOne(c, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                    rs -> rs.getString(1), col.table()).orElseThrow());
            Matcher m = Pattern.compile("CHECK \\(" + col.column() + " IN \\(([^)]*)\\)\\)").matcher(sql);
            assertTrue(m.find(), "no CHECK on " + col.table() + "." + col.column());
            List<String> allowed = Arrays.stream(m.group(1).split(",")).map(s -> s.strip().replace("'", "")).toList();
            assertEquals(allowed, List.of(col.codes()), col.table() + "." + col.column());
        }
    }

    @Test
    void anUnknownStoredCodeFailsLoudlyNamingTheKnownOnes() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ActorKind.fromStored("CITIZEN"));
        assertEquals("ActorKind has no value stored as \"CITIZEN\" (known: GOVERNMENT, PARTNER)", e.getMessage());
        assertEquals(ActorKind.PARTNER, ActorKind.fromStored("PARTNER"));
        assertTrue(StoredCode.find(ActorKind.class, "CITIZEN").isEmpty());
    }

    @Test
    void nothingDecidedIsStoredAsTheEmptyText() {
        assertEquals(NextAction.NONE, NextAction.fromStored(""));
        assertEquals("choice.", NextAction.NONE.messageKey());
        assertEquals("EXPAND,REVISE,CONTINUE,STOP,END", Arrays.stream(NextAction.values()).filter(NextAction::decided)
                .map(NextAction::code).collect(Collectors.joining(",")));
    }
}
