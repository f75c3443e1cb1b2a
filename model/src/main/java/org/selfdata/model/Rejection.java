package org.selfdata.model;

import org.selfdata.texts.Wording;

import static java.util.Objects.requireNonNull;

/**
 * A record an importer could not read, kept in its batch's quarantine.
 *
 * @param position where in the file the record was
 * @param reason what was expected there, written like every selfdata message: no content of the file quoted
 */
public record Rejection(Position position, String reason) implements ImportItem {
    /** The longest reason kept; longer ones are cut, since a reason explains and never carries data. */
    public static final int MAXIMUM_REASON_LENGTH = 500;

    public Rejection {
        requireNonNull(position, "position is null");
        requireNonNull(reason, "reason is null");
        if (reason.isBlank()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.rejectionReason"));
        }
        if (reason.length() > MAXIMUM_REASON_LENGTH) {
            reason = reason.substring(0, MAXIMUM_REASON_LENGTH - 1) + "…";
        }
    }

    /** The rejection as a strict import reports it: the position, then the reason. */
    public String message() {
        return position + ": " + reason;
    }
}
