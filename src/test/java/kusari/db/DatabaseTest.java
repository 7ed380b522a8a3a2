package kusari.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept connections and the one read snapshot of a request. */
class DatabaseTest {

    @TempDir
    Path dir;

    private Database a;
    private Database b;

    @BeforeEach
    void open() {
        a = Database.open(dir.resolve("k.db"));
        b = Database.open(dir.resolve("k.db"));
        a.inTransaction(c -> Sql.update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"));
        a.inTransaction(c -> Sql.update(c, "INSERT INTO t (id, v) VALUES (1, 'first')"));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void anIdleKeptWriterHoldsNoLockSoAnotherProcessCanWrite() {
        // a's writer connection now waits in its pool; b (another process's view of the same file) writes at once
        b.inTransaction(c -> Sql.update(c, "UPDATE t SET v = 'second' WHERE id = 1"));
        a.inTransaction(c -> Sql.update(c, "UPDATE t SET v = 'third' WHERE id = 1"));
        assertEquals("third", b.read(c -> Sql.queryOne(c, "SELECT v FROM t WHERE id = 1", rs -> rs.getString(1)))
                .orElseThrow());
    }

    @Test
    void everyReadOfARequestSeesOneSnapshotUntilTheRequestWritesItself() throws Exception {
        try (Database.RequestScope scope = a.openRequestScope()) {
            assertEquals("first", value(a));
            // somebody else's change, committed while this request is being answered
            CompletableFuture.runAsync(() -> b.inTransaction(c -> Sql.update(c, "UPDATE t SET v = 'other' WHERE id = 1")))
                    .get();
            assertEquals("first", value(a), "the request keeps reading the snapshot it started with");
            a.inTransaction(c -> Sql.update(c, "UPDATE t SET v = 'mine' WHERE id = 1"));
            assertEquals("mine", value(a), "after its own change the request reads the new state");
        }
        assertEquals("mine", value(a));
    }

    @Test
    void outsideARequestEachReadIsItsOwnSnapshot() throws Exception {
        assertEquals("first", value(a));
        CompletableFuture.runAsync(() -> b.inTransaction(c -> Sql.update(c, "UPDATE t SET v = 'other' WHERE id = 1")))
                .get();
        assertEquals("other", value(a));
    }

    private static String value(Database db) {
        return db.read(c -> Sql.queryOne(c, "SELECT v FROM t WHERE id = 1", rs -> rs.getString(1))).orElseThrow();
    }
}
