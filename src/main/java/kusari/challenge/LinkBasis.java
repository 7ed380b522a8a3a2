package kusari.challenge;

import com.fasterxml.jackson.annotation.JsonValue;
import kusari.core.StoredCode;

/** Why a project is linked to a challenge (challenge_project.basis). */
public enum LinkBasis implements StoredCode {
    /** The source document states the link. */
    DOCUMENT("DOCUMENT"),
    /** A person read the link into the source; the note says how. */
    READING("READING");

    private final String code;

    LinkBasis(String code) {
        this.code = code;
    }

    /** The stored code, also what the JSON API and the data files say. */
    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @Override
    public String messageKey() {
        return "basis." + code;
    }

    /** The value stored as {@code code}; fails loudly on a code the CHECK of the column does not allow. */
    public static LinkBasis fromStored(String code) {
        return StoredCode.fromStored(LinkBasis.class, code);
    }

    /** Every stored code, in order: the choices of the edit forms. */
    public static String[] codes() {
        return StoredCode.codes(LinkBasis.class);
    }
}
