package kusari.actor;

import kusari.core.StoredCode;

/** Who an actor is (actor.kind): a government department (■行政) or a partner outside government (■行政以外: 市民組織, 観光協会, 大学 …). */
public enum ActorKind implements StoredCode {
    /** 行政: a department (課) of the municipality. */
    GOVERNMENT,
    /** 行政以外: a partner outside government. */
    PARTNER;

    @Override
    public String messageKey() {
        return "actor.kind." + code();
    }

    /** The value stored as {@code code}; fails loudly on a code the CHECK of the column does not allow. */
    public static ActorKind fromStored(String code) {
        return StoredCode.fromStored(ActorKind.class, code);
    }

    /** Every stored code, in order: the choices of the edit forms. */
    public static String[] codes() {
        return StoredCode.codes(ActorKind.class);
    }
}
