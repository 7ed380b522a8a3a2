package kusari.files;

import java.util.ServiceLoader;
import kusari.change.Kind;
import kusari.change.Kinds;
import kusari.change.LinkKind;

/**
 * The edit declarations ({@link Kind}) that the data files are written and checked by, so that a table's columns,
 * lengths and allowed values are declared once for forms, the API and the files alike. The features declare them
 * and files may not use the features, so the composition root offers them to files as a service (see
 * {@code kusari.EditKindsForFiles}); loaded once, like the declarations themselves.
 */
public interface FileKinds {

    Kinds kinds();

    /** The declared kind of this table; a missing one is a wiring mistake, not bad input. */
    static Kind kind(String table) {
        return Installed.KINDS.byName(table)
                .orElseThrow(() -> new IllegalStateException("No edit declaration for the table " + table));
    }

    static LinkKind link(String table) {
        return Installed.KINDS.link(table)
                .orElseThrow(() -> new IllegalStateException("No edit declaration for the link table " + table));
    }

    /** Holds the declarations once found (initialised on first use, by the class loader's own locking). */
    final class Installed {
        private static final Kinds KINDS = ServiceLoader.load(FileKinds.class, FileKinds.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + FileKinds.class.getName()
                        + " service: the composition root registers one in META-INF/services"))
                .kinds();

        private Installed() {
        }
    }
}
