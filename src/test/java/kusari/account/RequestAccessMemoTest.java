package kusari.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace's access settings are read once per request, and a change counts from the next request on. */
class RequestAccessMemoTest {

    @Test
    void aSettingChangedElsewhereCountsFromTheNextRequestAndOneChangedInThisRequestAtOnce(@TempDir Path dir) {
        Database db = TestApp.freshSampleDatabase(dir);
        long ws = db.read(c -> Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = 'omitama'"));
        AccountService server = new AccountService(db, Clock.systemUTC(), Duration.ofMinutes(30));
        AccountService admin = new AccountService(db, Clock.systemUTC(), Duration.ofMinutes(30));

        server.beginRequest();
        assertTrue(server.access(ws).publicRead());
        admin.setAccess(ws, false, false);
        assertTrue(server.access(ws).publicRead(), "one request answers from one reading");
        server.endRequest();

        server.beginRequest();
        assertFalse(server.access(ws).publicRead(), "the next request sees the change");
        server.setAccess(ws, true, false);
        assertTrue(server.access(ws).publicRead(), "a change made in this request counts at once");
        server.endRequest();

        admin.setAccess(ws, false, false);
        assertFalse(server.access(ws).publicRead(), "outside a request every question reads the setting");
    }
}
