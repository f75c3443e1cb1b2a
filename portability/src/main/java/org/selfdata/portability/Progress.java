package org.selfdata.portability;

/**
 * Told how far a long export or restore has come, so that a surface can show it. It is called on the working thread
 * every {@link #INTERVAL} records and when a record type is done, never twice with the same count; it must return quickly.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (step, records) -> {};
    int INTERVAL = 1_000;

    enum Step {
        /** Records written to the archive. */
        EXPORTING,
        /** Records of an archive read and checked, before anything is written to the vault. */
        CHECKING,
        /** Records written to the vault. */
        RESTORING
    }

    /** {@code records} is the count so far within the step, over all record types. */
    void reached(Step step, long records);
}
