package org.selfdata.model;

import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;

import java.util.Objects;
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
 * @param text the record as the file wrote it (a CSV row), when the importer can give it: personal data, sealed like
 *     a record and shown only to its owner, so that they can see what was refused, correct it and import it again
 */
public record Rejection(Position position, String reason, Optional<Wording> wording, Optional<String> text)
        implements ImportItem {
    /** The longest reason kept; longer ones are cut, since a reason explains and never carries data. */
    public static final int MAXIMUM_REASON_LENGTH = 500;
    /** The longest text kept: a record's text is kept whole or not at all, since a cut one could not be imported again. */
    public static final int MAXIMUM_TEXT_LENGTH = 64 * 1024;

    public Rejection {
        requireNonNull(position, "position is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(wording, "wording is null");
        requireNonNull(text, "text is null");
        if (reason.isBlank()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.rejectionReason"));
        }
        if (reason.length() > MAXIMUM_REASON_LENGTH) {
            reason = reason.substring(0, MAXIMUM_REASON_LENGTH - 1) + "…";
        }
        text = text.filter(kept -> kept.length() <= MAXIMUM_TEXT_LENGTH);
    }

    /** A rejection whose reason is English text only, such as one kept before reasons had wordings. */
    public Rejection(Position position, String reason) {
        this(position, reason, Optional.empty(), Optional.empty());
    }

    /** A rejection whose reason can be said in every language selfdata speaks. */
    public Rejection(Position position, Wording wording) {
        this(position, Words.english().say(requireNonNull(wording, "wording is null")), Optional.of(wording),
                Optional.empty());
    }

    /** The same rejection, with the record's text as the file wrote it. */
    public Rejection withText(String recordText) {
        return new Rejection(position, reason, wording, Optional.of(requireNonNull(recordText, "recordText is null")));
    }

    /** The same rejection, with its reason's wording, as a quarantine read back gives it. */
    public Rejection withWording(Optional<Wording> reasonWording) {
        return new Rejection(position, reason, reasonWording, text);
    }

    /** The reason in a reader's language; the English reason when it has no wording. */
    public String reason(Language language) {
        return wording.map(Words.of(language)::say).orElse(reason);
    }

    /** The rejection as a strict import reports it: the position, then the reason; never the text. */
    public String message() {
        return position + ": " + reason;
    }

    /** The rejection as a strict import reports it, in a reader's language. */
    public String message(Language language) {
        return messageWording().map(Words.of(language)::say).orElseGet(this::message);
    }

    /** The position, then the reason, as a wording, when the reason has one. */
    public Optional<Wording> messageWording() {
        return wording.map(reasonWording -> Wording.of("error.input.at", position.wording(), reasonWording));
    }

    /**
     * Two rejections are the same when they name the same position, the same English reason and the same text: the
     * wording is that reason in another form, and a rejection read back from an old quarantine is the same as the one
     * it was.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Rejection that && position.equals(that.position) && reason.equals(that.reason)
                && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, reason, text);
    }

    /** Never the text: rejections end up in logs through toString. */
    @Override
    public String toString() {
        return "Rejection[" + message() + (text.isPresent() ? ", with its text" : "") + "]";
    }
}
