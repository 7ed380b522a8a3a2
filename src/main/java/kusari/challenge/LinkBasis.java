package kusari.challenge;

import kusari.core.StoredCode;

/** Why a project is linked to a challenge (challenge_project.basis). */
public enum LinkBasis implements StoredCode {
    /** The source document states the link. */
    DOCUMENT,
    /** A person read the link into the source; the note says how. */
    READING;

    @Override
    public String messageKey() {
        return "basis." + code();
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
