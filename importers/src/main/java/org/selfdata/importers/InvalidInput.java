package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Position;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * The errors importers raise about a file's content. Every message starts with the position (a line, a JSON
 * Pointer, an element path) and says what was expected there; none quotes the file, whose content is personal.
 */
final class InvalidInput {
    private InvalidInput() {}

    static SelfdataException at(Object position, String expectation) {
        return new SelfdataException(ErrorCode.INVALID_INPUT, position + ": " + expectation);
    }

    /**
     * One record cannot be read but the reader has moved past it: a strict import stops here, a lenient one
     * quarantines it and goes on. Throw the result.
     */
    static RejectedRecord rejected(Position position, String expectation) {
        return new RejectedRecord(new Rejection(position, expectation));
    }

    static SelfdataException unreadable(Object position, IOException cause) {
        // The cause's own message may name a path or quote bytes, so it stays in the cause only.
        return new SelfdataException(ErrorCode.INVALID_INPUT, position + ": the file could not be read further", cause);
    }

    /**
     * Builds a payload, putting the position in front of the payload's own complaint (a field too long, say). The
     * complaint ends the file; readers that can go on past a bad record use {@link #rejecting} instead.
     */
    static <T> T building(Object position, Supplier<T> payload) {
        try {
            return payload.get();
        }
        catch (SelfdataException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, position + ": " + e.getMessage(), e);
        }
    }

    /** Builds a payload; the payload's own complaint rejects this one record, and reading goes on. */
    static <T> T rejecting(Position position, Supplier<T> payload) {
        try {
            return payload.get();
        }
        catch (SelfdataException e) {
            throw rejected(position, e.getMessage());
        }
    }
}
