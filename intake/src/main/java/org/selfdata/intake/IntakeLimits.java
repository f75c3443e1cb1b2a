package org.selfdata.intake;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

/**
 * Bounds on what one import may read, so that an archive crafted to expand without end (a zip bomb) or to hold
 * millions of entries is refused rather than filling the disk or the time of the machine.
 *
 * @param maximumEntries the most entries an archive or folder may hold
 * @param maximumExpandedBytes the most bytes all its entries may expand to, counted as they are read
 */
public record IntakeLimits(int maximumEntries, long maximumExpandedBytes) {
    /** Room for a decade of Google Takeout, far beyond what a person's exports hold, far below a zip bomb. */
    public static final IntakeLimits DEFAULT = new IntakeLimits(200_000, 64L * 1024 * 1024 * 1024);

    public IntakeLimits {
        if (maximumEntries < 1 || maximumExpandedBytes < 1) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "import limits must be positive");
        }
    }
}
