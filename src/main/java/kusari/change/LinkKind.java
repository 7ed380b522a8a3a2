package kusari.change;

import java.util.List;
import java.util.Objects;

/**
 * A many-to-many link a person makes or breaks between two entities, such as step ↔ challenge. A link has
 * no version: making an existing link or breaking a missing one is refused, so two people doing the same
 * thing at once learn that the other was first. Declared with {@link #builder}:
 *
 * <ul>
 * <li>{@code name}: the link table, also the entity name in the history; {@code collection}: the API path
 *     segment, e.g. {@code step-challenges}</li>
 * <li>{@code left}, {@code leftColumn}: the kind on the left, whose id is the history's entity id, and the link
 *     table's column holding it</li>
 * <li>{@code right}, {@code rightColumn}: the kind on the right and its column</li>
 * <li>{@code extra}: fields stored on the link itself (a challenge–project link's basis and note)</li>
 * </ul>
 */
public final class LinkKind {

    private final String name;
    private final String collection;
    private final Kind left;
    private final String leftColumn;
    private final Kind right;
    private final String rightColumn;
    private final List<Field> extra;

    private LinkKind(String name, String collection, Kind left, String leftColumn, Kind right, String rightColumn,
                     List<Field> extra) {
        this.name = name;
        this.collection = collection;
        this.left = left;
        this.leftColumn = leftColumn;
        this.right = right;
        this.rightColumn = rightColumn;
        this.extra = List.copyOf(extra);
    }

    /** Starts the declaration of the link stored in table {@code name} and served at {@code /api/.../collection}. */
    public static Builder builder(String name, String collection) {
        return new Builder(name, collection);
    }

    public String name() {
        return name;
    }

    public String collection() {
        return collection;
    }

    public Kind left() {
        return left;
    }

    public String leftColumn() {
        return leftColumn;
    }

    public Kind right() {
        return right;
    }

    public String rightColumn() {
        return rightColumn;
    }

    public List<Field> extra() {
        return extra;
    }

    /** The link's own fields as a form of their own, for the form that makes a link. */
    public Kind extraForm() {
        return Kind.fieldsOnly(name, collection, extra);
    }

    @Override
    public String toString() {
        return "LinkKind[" + name + "]";
    }

    /** The parts of a link; {@code build()} refuses a link without both its sides. */
    public static final class Builder {
        private final String name;
        private final String collection;
        private Kind left;
        private String leftColumn;
        private Kind right;
        private String rightColumn;
        private List<Field> extra = List.of();

        private Builder(String name, String collection) {
            this.name = Objects.requireNonNull(name, "name");
            this.collection = Objects.requireNonNull(collection, "collection");
        }

        /** The kind on the left, whose id is the history's entity id, and the link table's column holding it. */
        public Builder left(Kind kind, String column) {
            this.left = kind;
            this.leftColumn = column;
            return this;
        }

        public Builder right(Kind kind, String column) {
            this.right = kind;
            this.rightColumn = column;
            return this;
        }

        /** Fields stored on the link itself. */
        public Builder extra(Field... fields) {
            this.extra = List.of(fields);
            return this;
        }

        public LinkKind build() {
            if (left == null || leftColumn == null || right == null || rightColumn == null) {
                throw new IllegalStateException("Link " + name + " needs both its sides");
            }
            return new LinkKind(name, collection, left, leftColumn, right, rightColumn, extra);
        }
    }
}
