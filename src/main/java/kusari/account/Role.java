package kusari.account;

/** What an account may do in one workspace, from most to least. */
public enum Role {
    /** Accounts and settings of the workspace, and everything a planner does. */
    ADMIN,
    /** Edits everything in the workspace. */
    PLANNER,
    /** A department member: edits only the actions of the actors (departments, partners) they are bound to. */
    MEMBER,
    /** Reads. */
    VIEWER;

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }
}
