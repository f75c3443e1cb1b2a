package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Position;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The errors importers raise about a file's content. Every message starts with the position (a line, a JSON
 * Pointer, an element path) and says what was expected there; none quotes the file, whose content is personal.
 * Each is a {@link Wording}, so that the person reads it in their language; the position, which is structure and
 * not words, goes into it as text.
 */
final class InvalidInput {
    private static final String AT = "error.input.at";
    private static final Pattern LINE_PREFIX = Pattern.compile("^line \\d+: ");

    private InvalidInput() {}

    static SelfdataException at(Object position, Wording expectation) {
        return new SelfdataException(ErrorCode.INVALID_INPUT, wording(position, expectation));
    }

    /**
     * The wording of a complaint at a position: the position (a line said in the reader's language, a pointer or a path
     * as it is written), then what was expected there.
     */
    static Wording wording(Object position, Wording expectation) {
        Wording where = position instanceof Wording said ? said : Position.wording(position.toString());
        return Wording.of(AT, where, expectation);
    }

    /**
     * One record cannot be read but the reader has moved past it: a strict import stops here, a lenient one
     * quarantines it and goes on. Throw the result.
     */
    static RejectedRecord rejected(Position position, Wording expectation) {
        return new RejectedRecord(new Rejection(position, expectation));
    }

    static SelfdataException unreadable(Object position, IOException cause) {
        // The cause's own message may name a path or quote bytes, so it stays in the cause only.
        return new SelfdataException(ErrorCode.INVALID_INPUT, wording(position,
                Wording.of("error.input.unreadable")), cause);
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
            throw e.wording()
                    .map(wording -> new SelfdataException(ErrorCode.INVALID_INPUT, wording(position, wording), e))
                    .orElseGet(() -> new SelfdataException(ErrorCode.INVALID_INPUT, position + ": " + e.getMessage(), e));
        }
    }

    /** Builds a payload; the payload's own complaint rejects this one record, and reading goes on. */
    static <T> T rejecting(Position position, Supplier<T> payload) {
        try {
            return payload.get();
        }
        catch (SelfdataException e) {
            throw e.wording()
                    .map(wording -> rejected(position, wording))
                    .orElseGet(() -> new RejectedRecord(new Rejection(position, e.getMessage())));
        }
    }

    /**
     * The complaint about one line of a block (a vCard, a VEVENT) as the rejection of the whole block, which is where
     * the quarantine puts it: the line's own position is dropped from the complaint.
     */
    static RejectedRecord rejectedAtItsBlock(Position block, SelfdataException complaint) {
        return complaint.wording()
                .filter(wording -> wording.key().equals(AT) && wording.arguments().getFirst() instanceof Wording where
                        && where.key().equals("error.position.line") && wording.arguments().get(1) instanceof Wording)
                .map(wording -> rejected(block, (Wording) wording.arguments().get(1)))
                .orElseGet(() -> complaint.wording().isPresent() ? rejected(block, complaint)
                        : new RejectedRecord(new Rejection(block, LINE_PREFIX.matcher(complaint.getMessage()).replaceFirst(""))));
    }

    /** The complaint of a reader that went past a bad record, with its wording when it has one. */
    static RejectedRecord rejected(Position position, SelfdataException complaint) {
        return complaint.wording()
                .map(wording -> rejected(position, wording))
                .orElseGet(() -> new RejectedRecord(new Rejection(position, complaint.getMessage())));
    }
}
