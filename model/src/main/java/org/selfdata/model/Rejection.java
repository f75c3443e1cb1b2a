package org.selfdata.model;

import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A record an importer could not read, kept in its batch's quarantine.
 *
 * <p>A rejection made by an importer carries its reason as a {@link Wording}, so that the quarantine says it in its
 * reader's language; one read back from a quarantine written before reasons had wordings has only the English reason,
 * which is shown as it was written.
 *
 * @param position where in the file the record was
 * @param reason what was expected there, in English, written like every selfdata message: no content of the file
 *        quoted
 * @param wording the reason as a wording, when it has one
 */
public record Rejection(Position position, String reason, Optional<Wording> wording) implements ImportItem {
    /** The longest reason kept; longer ones are cut, since a reason explains and never carries data. */
    public static final int MAXIMUM_REASON_LENGTH = 500;

    public Rejection {
        requireNonNull(position, "position is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(wording, "wording is null");
        if (reason.isBlank()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.rejectionReason"));
        }
        if (reason.length() > MAXIMUM_REASON_LENGTH) {
            reason = reason.substring(0, MAXIMUM_REASON_LENGTH - 1) + "…";
        }
    }

    /** A rejection whose reason is English text only, such as one kept before reasons had wordings. */
    public Rejection(Position position, String reason) {
        this(position, reason, Optional.empty());
    }

    /** A rejection whose reason can be said in every language selfdata speaks. */
    public Rejection(Position position, Wording wording) {
        this(position, Words.english().say(requireNonNull(wording, "wording is null")), Optional.of(wording));
    }

    /** The reason in a reader's language; the English reason when it has no wording. */
    public String reason(Language language) {
        return wording.map(Words.of(language)::say).orElse(reason);
    }

    /** The rejection as a strict import reports it: the position, then the reason. */
    public String message() {
        return position + ": " + reason;
    }

    /** The rejection as a strict import reports it, in a reader's language. */
    public String message(Language language) {
        return messageWording().map(Words.of(language)::say).orElseGet(this::message);
    }

    /**
     * Two rejections are the same when they name the same position and the same English reason: the wording is that
     * reason in another form, and a rejection read back from an old quarantine is the same as the one it was.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Rejection that && position.equals(that.position) && reason.equals(that.reason);
    }

    @Override
    public int hashCode() {
        return 31 * position.hashCode() + reason.hashCode();
    }

    /** The position, then the reason, as a wording, when the reason has one. */
    public Optional<Wording> messageWording() {
        return wording.map(reasonWording -> Wording.of("error.input.at", position.wording(), reasonWording));
    }
}
