package kusari;

import kusari.files.WorkspaceFiles.JourneyFile;
import kusari.files.WorkspaceFiles.LoadedWorkspace;
import kusari.files.WorkspaceLoader;

/** The sample workspace as its files say, to compare pages and API answers against. */
public final class SampleFiles {

    private static LoadedWorkspace omitama;

    private SampleFiles() {
    }

    public static synchronized LoadedWorkspace omitama() {
        if (omitama == null) {
            omitama = new WorkspaceLoader(TestApp.PROJECT_DIR).load("omitama");
        }
        return omitama;
    }

    public static JourneyFile journey(String slug) {
        return omitama().journeys().stream().filter(j -> j.slug().equals(slug)).findFirst().orElseThrow();
    }
}
