package kusari.history;

/** What a change did. Every operation is recorded in the change log; most can be reverted. */
public enum Operation {
    CREATE, UPDATE, DELETE, RESTORE, REORDER, LINK, UNLINK, REVERT, IMPORT,
    // issue 5: chain-check dismissals and settings
    DISMISS, UNDISMISS, SETTINGS
}
