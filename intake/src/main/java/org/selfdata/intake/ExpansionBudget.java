package org.selfdata.intake;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

/** Counts the bytes an archive's entries expand to, and stops the import when they pass the limit. */
final class ExpansionBudget {
    private final long maximumBytes;
    private long spent;

    ExpansionBudget(long maximumBytes) {
        this.maximumBytes = maximumBytes;
    }

    /** Adds bytes just read; the exception is unchecked so that no parser mistakes it for a fault of the file. */
    void spend(long bytes) {
        spent += bytes;
        if (spent > maximumBytes) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, "the archive expands to more than " + maximumBytes
                    + " bytes, the limit of one import; import its parts one by one");
        }
    }
}
