package kusari.files;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/** The one Jackson setup for data files: strict when reading, canonical when writing. */
public final class DataJson {

    /** The injected value of an optional list left out of a file: empty (see WorkspaceFiles.ProjectEntry.roles). */
    static final String NO_ROLES = "kusari.files.noRoles";

    /** The injected value of an optional number left out of a file: none (a partner's share). */
    static final String NO_SHARE = "kusari.files.noShare";
    /** Empty optional lists of a project; Jackson wants one id per injected component of a class. */
    static final String NO_SOURCES = "kusari.files.noSources";
    static final String NO_ROADMAP = "kusari.files.noRoadmap";
    /** The injected row of a roadmap cell left without one: the single row of a one-row roadmap. */
    static final String NO_TRACK = "kusari.files.noTrack";
    /** Optional readings of a workspace, actor, framework node or indicator, and a workspace's optional about. */
    static final String NO_READINGS = "kusari.files.noReadings";
    static final String NO_ABOUT = "kusari.files.noAbout";
    /** The optional workshops of a journey. */
    static final String NO_WORKSHOPS = "kusari.files.noWorkshops";
    /** The optional English labels of a workspace's levels (beside its code patterns, so an id of its own). */
    static final String NO_LEVELS_EN = "kusari.files.noLevelsEn";
    /** The optional municipalities of a workspace: left out, just its one municipality. */
    static final String NO_MUNICIPALITIES = "kusari.files.noMunicipalities";

    private static final ObjectMapper MAPPER = create();

    private DataJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The canonical text of a data file: two-space indent, "key": value, one array element per line, final newline. */
    public static String canonical(Object file) {
        try {
            return MAPPER.writer(new CanonicalPrinter()).writeValueAsString(file) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        // A missing field, an unknown field (a typo) or a null where text belongs is an error, not a silent default.
        mapper.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configOverride(String.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL, Nulls.FAIL));
        mapper.disable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN);
        InjectableValues.Std injectable = new InjectableValues.Std().addValue(NO_ROLES, List.of());
        injectable.addValue(NO_SHARE, null);
        injectable.addValue(NO_SOURCES, List.of());
        injectable.addValue(NO_ROADMAP, List.of());
        injectable.addValue(NO_TRACK, "");
        injectable.addValue(NO_READINGS, List.of());
        injectable.addValue(NO_ABOUT, null);
        injectable.addValue(NO_WORKSHOPS, List.of());
        injectable.addValue(NO_LEVELS_EN, List.of());
        injectable.addValue(NO_MUNICIPALITIES, List.of());
        mapper.setInjectableValues(injectable);
        mapper.registerModule(new SimpleModule("kusari-canonical-numbers").addSerializer(BigDecimal.class, new NumberWriter()));
        return mapper;
    }

    /**
     * Numbers are written in their shortest form (30, not 30.0; 1.51 stays 1.51). The database keeps values as
     * SQLite REAL, which cannot tell 30 from 30.0, so only the shortest form survives a round trip through it;
     * the document's own wording of a value ("30.0歳") is kept in the neighbouring {@code text} field.
     */
    static final class NumberWriter extends StdSerializer<BigDecimal> {

        NumberWriter() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeNumber(shortest(value).toPlainString());
        }
    }

    /** The shortest decimal equal to {@code value}: trailing zeros dropped, never an exponent. */
    public static BigDecimal shortest(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Jackson's pretty printer writes `"key" : value` and `[ ]`; the files use `"key": value` and `[]`. */
    static final class CanonicalPrinter extends DefaultPrettyPrinter {

        CanonicalPrinter() {
            super();
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
            _separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
            _objectFieldValueSeparatorWithSpaces = ": ";
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new CanonicalPrinter();
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues == 0) {
                if (!_arrayIndenter.isInline()) {
                    --_nesting;
                }
                g.writeRaw(']');
                return;
            }
            super.writeEndArray(g, nrOfValues);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (nrOfEntries == 0) {
                if (!_objectIndenter.isInline()) {
                    --_nesting;
                }
                g.writeRaw('}');
                return;
            }
            super.writeEndObject(g, nrOfEntries);
        }
    }
}
