package org.selfdata.importers;

import org.selfdata.model.Rejection;

import static java.util.Objects.requireNonNull;

/**
 * Thrown by a {@link RecordReader} that could not read one record but has moved past it, so that reading can go
 * on with the next. {@link RecordFile} turns it into a {@link Rejection}: the end of a strict import, an entry in
 * the quarantine of a lenient one. It never leaves this package.
 *
 * <p>A fault that leaves the reader lost (broken JSON or XML, a truncated file) is not a rejection: it ends the
 * file with {@link InvalidInput#at}, in lenient imports too, since nothing after it can be trusted.
 */
final class RejectedRecord extends RuntimeException {
    private final transient Rejection rejection;

    RejectedRecord(Rejection rejection) {
        super(requireNonNull(rejection, "rejection is null").message(), null, false, false);
        this.rejection = rejection;
    }

    Rejection rejection() {
        return rejection;
    }

    /** The same rejection, with the record's text as the file wrote it, for its owner to read and correct. */
    RejectedRecord withText(String text) {
        return new RejectedRecord(rejection.withText(text));
    }
}
