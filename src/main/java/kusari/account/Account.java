package kusari.account;

/** A local account, without its secrets. */
public record Account(long id, String name, boolean siteAdmin, boolean disabled, boolean totpEnabled) {
}
