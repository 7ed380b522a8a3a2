package kusari;

import kusari.change.Kinds;
import kusari.files.FileKinds;

/** Offers every feature's edit declarations to the data files (registered in META-INF/services). */
public final class EditKindsForFiles implements FileKinds {

    @Override
    public Kinds kinds() {
        return EditKinds.all();
    }
}
