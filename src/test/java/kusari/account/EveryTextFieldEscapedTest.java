package kusari.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kusari.ApiClient;
import kusari.core.AppConfig;
import kusari.TestApp;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.EditKinds;
import kusari.change.Field;
import kusari.change.Kind;
import kusari.Kusari;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTML payload typed into every text field of every kind people edit (that the sample holds a row of) is stored
 * as typed and shown as text,
 * on the entity's own page and in its form: derived from the kinds, so a new text field is covered too.
 */
class EveryTextFieldEscapedTest {

    /** Short enough for the shortest text fields (a project code takes 20 characters). */
    static final String PAYLOAD = "<i>x</i>";
    static final String ESCAPED = "&lt;i&gt;x&lt;/i&gt;";

    @TempDir
    Path dir;
    Database db;
    Javalin app;
    ApiClient admin;

    @BeforeEach
    void start() {
        db = TestApp.freshSampleDatabase(dir);
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start(0);
        admin = ApiClient.signedIn(app.port(), db);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void everyTextFieldOfEveryKindShowsAPayloadAsText() {
        List<String> checked = new ArrayList<>();
        for (Kind kind : EditKinds.all().all()) {
            List<Field> texts = kind.fields().stream()
                    .filter(f -> (f.type() == Field.Type.TEXT || f.type() == Field.Type.TEXTAREA)
                            && f.maxLength() >= PAYLOAD.length() && !f.createOnly())
                    .toList();
            Long id = db.read(c -> Sql.queryOne(c, "SELECT MIN(id) FROM " + kind.table(), rs -> Sql.getLong(rs, "MIN(id)")))
                    .orElse(null);
            if (texts.isEmpty() || id == null) {
                continue;
            }
            for (Field field : texts) {
                String key = db.read(c -> Sql.queryOne(c, "SELECT " + kind.keyColumn() + " FROM " + kind.table()
                        + " WHERE id = ?", rs -> rs.getString(1), id)).orElseThrow();
                String base = kind.collection().equals("workspaces") ? "/api/v1/workspaces/omitama"
                        : "/api/v1/workspaces/omitama/" + kind.collection() + "/" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);
                long version = db.<Long>read(c -> Sql.queryLong(c, "SELECT version FROM " + kind.table() + " WHERE id = ?", id));
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.put("version", version);
                // A unique field gets a payload of its own, so that it stays unique.
                String value = kind.uniqueFields().contains(field.name()) ? PAYLOAD + id : PAYLOAD;
                body.put(field.name(), value);
                var answer = admin.patch(base, body.toString());
                assertEquals(200, answer.status(), kind.name() + "." + field.name() + ": " + answer.text());
                assertEquals(value, db.read(c -> Sql.queryOne(c, "SELECT " + field.column() + " FROM " + kind.table()
                        + " WHERE id = ?", rs -> rs.getString(1), id)).orElseThrow(), "stored as typed");
                String form = admin.get("/w/omitama/edit/" + kind.collection() + "/" + id).text();
                assertFalse(form.contains(PAYLOAD), kind.name() + "." + field.name() + " raw in its form");
                assertTrue(form.contains(ESCAPED), kind.name() + "." + field.name() + " shown as text in its form");
                String view = db.read(c -> kind.viewer().url(c, "omitama", id));
                String page = admin.get(view.replaceAll("#.*", "")).text();
                assertFalse(page.contains(PAYLOAD), kind.name() + "." + field.name() + " raw on " + view);
                checked.add(kind.name() + "." + field.name());
            }
        }
        assertTrue(checked.size() >= 30, checked.toString());
        assertTrue(checked.contains("step.painPoint") && checked.contains("actor.name") && checked.contains("challenge.title"), checked.toString());
    }
}
