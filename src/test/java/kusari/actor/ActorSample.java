package kusari.actor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.Http;
import kusari.SampleFiles;
import kusari.files.WorkspaceFiles.JourneyFile;
import kusari.files.WorkspaceFiles.StepEntry;

/** Expected values read from the sample's data files (never from the code under test). */
final class ActorSample {

    private ActorSample() {
    }

    /** The 1-based positions of the steps of a journey where {@code actor} is named in an action. */
    static List<Integer> stepsOf(String journey, String actor) {
        List<Integer> positions = new ArrayList<>();
        List<StepEntry> steps = SampleFiles.journey(journey).steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).actions().stream().anyMatch(a -> a.actors().contains(actor))) {
                positions.add(i + 1);
            }
        }
        return positions;
    }

    /** For each journey slug, the positions where {@code actor} acts (journeys where it does not act are left out). */
    static Map<String, List<Integer>> journeysOf(String actor) {
        Map<String, List<Integer>> result = new LinkedHashMap<>();
        for (JourneyFile j : SampleFiles.omitama().journeys()) {
            List<Integer> steps = stepsOf(j.slug(), actor);
            if (!steps.isEmpty()) {
                result.put(j.slug(), steps);
            }
        }
        return result;
    }

    /** The id in the href of the directory's link named exactly {@code name}. */
    static long idOf(String directoryHtml, String name) {
        return Long.parseLong(Http.all(directoryHtml, "<a href=\"/w/omitama/actors/(\\d+)\">" + name + "</a>").get(0));
    }

    /** Every match of group 1 of {@code regex} as raw HTML (Http.all strips the tags). */
    static List<String> raw(String html, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.DOTALL).matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
