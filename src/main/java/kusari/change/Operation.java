package kusari.change;

/** What a change did. Every operation is recorded in the change log; most can be reverted. */
public enum Operation {
    CREATE, UPDATE, DELETE, RESTORE, REORDER, LINK, UNLINK, REVERT, IMPORT,
    // chain-check dismissals and settings
    DISMISS, UNDISMISS, SETTINGS
}
