package kusari.trace;

import kusari.core.Workspace;

/** The chain check as other pages summarise it: the report of a workspace or of one journey. */
public interface ChainSummary {
    /** @param journey a journey slug, or null for the whole workspace */
    ChainReport report(Workspace ws, String journey);

    /** The workspace's counts per kind, dismissed breaks and scores, with no open break listed. */
    ChainReport glance(Workspace ws);
}
