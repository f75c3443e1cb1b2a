package org.selfdata.intake;

/**
 * Follows an import as it goes: a progress bar on a terminal, the state of an upload that a page polls. Called on
 * the importing thread; implementations must be quick.
 */
public interface IntakeListener {
    /** Does nothing: for scripts and pipes. */
    IntakeListener NONE = new IntakeListener() {};

    /** A file or entry starts; {@code bytes} is its size when known, or -1. */
    default void reading(String file, long bytes) {}

    /** {@code bytes} of the current file have been read so far. */
    default void advanced(long bytes) {}

    /** A file or entry is done, whatever became of it. */
    default void done(FileReport report) {}
}
