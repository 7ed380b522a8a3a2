package kusari.bench;

import java.nio.file.Path;
import kusari.db.Database;
import kusari.db.Migrations;

/**
 * Writes a synthetic workspace "bench" into a database file, to look at pages at scale:
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=kusari.bench.GenerateSynthetic -Dexec.classpathScope=test -Dexec.args="/tmp/big.db 0.1"
 * KUSARI_DB=/tmp/big.db mvn compile exec:java    # then open /w/bench/chain-check
 * </pre>
 */
public final class GenerateSynthetic {

    private GenerateSynthetic() {
    }

    public static void main(String[] args) {
        Database db = Database.open(Path.of(args.length > 0 ? args[0] : "data/bench.db"));
        Migrations.apply(db);
        SyntheticWorkspace.Size size = SyntheticWorkspace.Size.scaled(args.length > 1 ? Double.parseDouble(args[1]) : 1.0);
        SyntheticWorkspace.generate(db, "bench", size);
        System.out.println("generated " + size + " into " + db.file());
    }
}
