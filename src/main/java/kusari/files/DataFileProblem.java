package kusari.files;

/** One thing wrong with a data file: which file, where in it (a JSON path like $.steps[3].title), and what. */
public record DataFileProblem(String file, String path, String message) {

    @Override
    public String toString() {
        return file + ": " + path + ": " + message;
    }
}
