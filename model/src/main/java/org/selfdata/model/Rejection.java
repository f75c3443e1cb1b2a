package org.selfdata.model;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A record an importer could not read, kept in its batch's quarantine.
 *
 * @param position where in the file the record was
 * @param reason what was expected there, written like every selfdata message: no content of the file quoted
 * @param text the record as the file wrote it (a CSV row), when the importer can give it: personal data, sealed like
 *     a record and shown only to its owner, so that they can see what was refused, correct it and import it again
 */
public record Rejection(Position position, String reason, Optional<String> text) implements ImportItem {
    /** The longest reason kept; longer ones are cut, since a reason explains and never carries data. */
    public static final int MAXIMUM_REASON_LENGTH = 500;
    /** The longest text kept: a record's text is kept whole or not at all, since a cut one could not be imported again. */
    public static final int MAXIMUM_TEXT_LENGTH = 64 * 1024;

    public Rejection {
        requireNonNull(position, "position is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(text, "text is null");
        if (reason.isBlank()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "a rejection needs a reason");
        }
        if (reason.length() > MAXIMUM_REASON_LENGTH) {
            reason = reason.substring(0, MAXIMUM_REASON_LENGTH - 1) + "…";
        }
        text = text.filter(kept -> kept.length() <= MAXIMUM_TEXT_LENGTH);
    }

    /** A rejection whose text the importer cannot give. */
    public Rejection(Position position, String reason) {
        this(position, reason, Optional.empty());
    }

    /** The same rejection, with the record's text as the file wrote it. */
    public Rejection withText(String recordText) {
        return new Rejection(position, reason, Optional.of(requireNonNull(recordText, "recordText is null")));
    }

    /** The rejection as a strict import reports it: the position, then the reason; never the text. */
    public String message() {
        return position + ": " + reason;
    }

    /** Never the text: rejections end up in logs through toString. */
    @Override
    public String toString() {
        return "Rejection[" + message() + (text.isPresent() ? ", with its text" : "") + "]";
    }
}
