package kusari.core;

/** No entity of that kind with that id in the workspace (and none that was deleted there either). */
public class NotFoundException extends RuntimeException {

    private final String entity;

    public NotFoundException(String entity, long id) {
        super(entity + " " + id + " not found");
        this.entity = entity;
    }

    public String entity() {
        return entity;
    }
}
