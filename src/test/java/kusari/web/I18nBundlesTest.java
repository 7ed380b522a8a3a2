package kusari.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kusari.TestApp;
import kusari.core.Ui.Lang;
import org.junit.jupiter.api.Test;

/** Japanese and English carry the same keys, and every key the code and templates use exists. */
class I18nBundlesTest {

    @Test
    void englishHasEveryJapaneseKeyAndNoOther() {
        Set<String> ja = new TreeSet<>(Collections.list(Lang.JA.bundle().getKeys()));
        Set<String> en = new TreeSet<>(Collections.list(Lang.EN.bundle().getKeys()));
        assertEquals(ja, en);
    }

    @Test
    void everyLiteralKeyUsedInCodeOrTemplatesExists() throws IOException {
        Set<String> keys = new TreeSet<>(Collections.list(Lang.JA.bundle().getKeys()));
        Pattern use = Pattern.compile("t\\(\"([a-zA-Z]+\\.[a-zA-Z0-9.]+)\"|\"(error\\.notFound\\.[a-z]+)\"");
        List<String> missing = new ArrayList<>();
        for (String root : List.of("src/main/jte", "src/main/java")) {
            try (Stream<Path> files = Files.walk(TestApp.PROJECT_DIR.resolve(root))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = use.matcher(Files.readString(f));
                    while (m.find()) {
                        String key = m.group(1) != null ? m.group(1) : m.group(2);
                        if (!key.endsWith(".") && !keys.contains(key)) {
                            missing.add(f.getFileName() + ": " + key);
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "missing keys: " + missing);
    }
}
