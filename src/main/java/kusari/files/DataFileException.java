package kusari.files;

import java.util.List;
import java.util.stream.Collectors;

/** The data files are malformed or inconsistent; nothing was written to the database. */
public class DataFileException extends RuntimeException {

    private final List<DataFileProblem> problems;

    public DataFileException(List<DataFileProblem> problems) {
        super(problems.stream().map(DataFileProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<DataFileProblem> problems() {
        return problems;
    }
}
